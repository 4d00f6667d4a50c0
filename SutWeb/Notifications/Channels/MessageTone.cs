namespace SutWeb.Notifications.Channels;

/// <summary>How a message is coloured: never by colour alone, the title says it too.</summary>
public enum MessageTone
{
    Problem,
    Resolved,
    Info,
}
