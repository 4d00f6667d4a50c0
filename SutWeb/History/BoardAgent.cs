namespace SutWeb.History;

/// <summary>An agent connection on the board when a source is reconciled: who it is and its state.</summary>
public sealed record BoardAgent(string AgentName, int? Port, string State);
