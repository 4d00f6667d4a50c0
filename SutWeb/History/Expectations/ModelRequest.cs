namespace SutWeb.History.Expectations;

/// <summary>Work for the loader: read a model's durations (again, after a failure).</summary>
internal sealed record ModelRequest(HistoryKey Key);
