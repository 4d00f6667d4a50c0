namespace SutWeb.History;

/// <summary>One page of a newest-first list, and the cursor of the next (null on the last page).</summary>
public sealed record HistoryPage<T>(IReadOnlyList<T> Items, HistoryCursor? Next);
