namespace SutWeb.Operators;

/// <summary>Which run to abort, as the caller saw it: the server checks it is still that very execution.</summary>
public sealed record AbortRequest(string Source, string AgentName, int? Port, string ExecutionId);
