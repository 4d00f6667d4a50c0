namespace SutWeb.Operators;

/// <summary>One attempt as the audit trail keeps it: who, from where (the client's address), through what (page or API).</summary>
public sealed record AbortAttempt(string Who, string? From, string Via, AbortRequest Request);
