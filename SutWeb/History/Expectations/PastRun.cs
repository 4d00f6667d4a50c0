namespace SutWeb.History.Expectations;

/// <summary>One finished run of an agent, for the strip of its last outcomes: which run (to link to it) and how it ended.</summary>
public sealed record PastRun(string ExecutionId, string Outcome, DateTimeOffset StartTime, DateTimeOffset? EndTime);
