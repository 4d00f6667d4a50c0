namespace SutWeb.Notifications.Delivery;

/// <summary>A configured channel as a page may show it: its name, type and where it sends to (a host, never the URL).</summary>
public sealed record ChannelSummary(string Name, ChannelType Type, string Destination);
