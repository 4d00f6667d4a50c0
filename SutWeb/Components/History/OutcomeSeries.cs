namespace SutWeb.Components.History;

/// <summary>How many runs ended in one outcome on each day of a chart.</summary>
public sealed record OutcomeSeries(string Outcome, IReadOnlyList<int> PerDay);
