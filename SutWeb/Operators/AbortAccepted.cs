namespace SutWeb.Operators;

/// <summary>The 202 answer of <c>POST /api/runs/abort</c>: <c>{ "outcome": "AbortRequested" }</c>.</summary>
public sealed record AbortAccepted(string Outcome);
