namespace SutWeb.Notifications.Rules;

/// <summary>One <see cref="FoldKey"/>'s last message sent and the message holding what came after it.</summary>
public sealed class FoldGroup
{
    public DateTimeOffset? LastSentAt { get; set; }

    public Notification? Held { get; set; }
}
