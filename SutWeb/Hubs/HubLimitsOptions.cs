namespace SutWeb.Hubs;

/// <summary>What all clients of the status hub together, and one of them, may ask for (configuration section "Hub").</summary>
public sealed class HubLimitsOptions
{
    public const string Section = "Hub";

    /// <summary>Connections to <c>/hubs/status</c> at once; the next one is closed with a message saying so.</summary>
    public int MaxConnections { get; set; } = 1000;

    /// <summary>
    /// <c>GetSnapshot</c> calls one connection may make per minute: enough for any client that applies the diffs
    /// and asks again only after a gap or a reconnect.
    /// </summary>
    public int SnapshotCallsPerMinute { get; set; } = 30;
}
