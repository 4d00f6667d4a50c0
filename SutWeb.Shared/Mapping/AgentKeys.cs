namespace SutWeb.Shared.Mapping;

/// <summary>The key of one agent connection: the agent name, then <c>:</c> and the port when a port is known.</summary>
public static class AgentKeys
{
    public static string For(string agentName, int? port) =>
        port is { } p ? $"{agentName}:{p}" : agentName;
}
