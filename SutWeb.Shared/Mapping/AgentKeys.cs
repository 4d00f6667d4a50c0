namespace SutWeb.Shared.Mapping;

/// <summary>
/// The key of one agent connection: the agent name, then <c>:</c> and the port when a port is known; for any source but
/// <see cref="DefaultSource"/> prefixed with <c>{source}/</c>, so that clients of the first release, which know one
/// server, see the keys they always saw.
/// </summary>
public static class AgentKeys
{
    /// <summary>The source the flat <c>Eggplant:*</c> settings describe (and the embedded simulator).</summary>
    public const string DefaultSource = "default";

    public static string For(string agentName, int? port) =>
        port is { } p ? $"{agentName}:{p}" : agentName;

    public static string For(string source, string agentName, int? port) =>
        source == DefaultSource ? For(agentName, port) : $"{source}/{For(agentName, port)}";
}
