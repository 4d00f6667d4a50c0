namespace SutWeb.Shared.History;

/// <summary>The answer of <c>GET /api/history/runs</c>: newest first; <see cref="Next"/> is the <c>cursor</c> of the next page, null on the last.</summary>
public sealed record RunRecordsPage(IReadOnlyList<RunRecord> Runs, string? Next);
