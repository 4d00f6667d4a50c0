namespace SutWeb.Notifications.Channels;

/// <summary>The notification that "send test" sends to one channel: says so, and names no real agent.</summary>
public static class ChannelTest
{
    /// <summary>Not one of <see cref="NotificationEvents"/>: no rule can name it.</summary>
    public const string Event = "Test";

    public const string Rule = "(test)";

    public static Notification Create(string channel, DateTimeOffset at, string? dashboardUrl) => new()
    {
        DeliveryId = Guid.NewGuid(),
        Event = Event,
        At = at,
        Rule = Rule,
        Source = "sutweb",
        SourceName = "SutWeb",
        DashboardUrl = dashboardUrl,
        Channels = [channel],
    };
}
