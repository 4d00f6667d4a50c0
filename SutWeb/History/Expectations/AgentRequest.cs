namespace SutWeb.History.Expectations;

/// <summary>Work for the loader: read an agent's track record.</summary>
internal sealed record AgentRequest(HistoryKey Key);
