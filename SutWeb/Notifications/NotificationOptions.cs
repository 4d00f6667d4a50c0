namespace SutWeb.Notifications;

/// <summary>Who is told what (configuration section "Notifications").</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>By name: where messages go.</summary>
    public Dictionary<string, ChannelOptions> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>By name: which events go to which channels.</summary>
    public Dictionary<string, RuleOptions> Rules { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
