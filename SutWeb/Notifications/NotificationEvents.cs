namespace SutWeb.Notifications;

/// <summary>The events a rule can name in <c>Events</c>.</summary>
public static class NotificationEvents
{
    public const string RunFailed = nameof(RunFailed);
    public const string RunIncomplete = nameof(RunIncomplete);
    public const string RunLost = nameof(RunLost);
    public const string RunStuck = nameof(RunStuck);
    public const string AgentDisconnected = nameof(AgentDisconnected);
    public const string AgentReconnected = nameof(AgentReconnected);
    public const string SourceDown = nameof(SourceDown);
    public const string SourceRecovered = nameof(SourceRecovered);

    public static IReadOnlyList<string> All { get; } =
        [RunFailed, RunIncomplete, RunLost, RunStuck, AgentDisconnected, AgentReconnected, SourceDown, SourceRecovered];
}
