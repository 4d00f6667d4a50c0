namespace SutWeb.Notifications;

/// <summary>The agent connection a notification is about: its board key, name and port.</summary>
public sealed record NotificationAgent(string Key, string AgentName, int? Port);
