namespace SutWeb.History.Expectations;

/// <summary>One finished run's duration, kept per model so that a run seen to finish on the board is counted once.</summary>
public sealed record DurationSample(string ExecutionId, DateTimeOffset StartTime, double Seconds);
