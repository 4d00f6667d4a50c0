namespace SutWeb.Operators;

/// <summary>The body of <c>POST /api/runs/abort</c> (docs/API.md section 7).</summary>
public sealed record AbortBody(string? Source, string? AgentName, int? Port, string? ExecutionId);
