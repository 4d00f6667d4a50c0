namespace SutWeb.Operators;

public sealed record AbortResult(AbortOutcome Outcome, string? Error = null);
