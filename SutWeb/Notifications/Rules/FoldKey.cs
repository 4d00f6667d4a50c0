namespace SutWeb.Notifications.Rules;

/// <summary>Messages that may fold into one: one rule's, of one event, firing or resolved, flapping or not.</summary>
public readonly record struct FoldKey(string Rule, string Event, bool Resolved, bool Flapping)
{
    public static FoldKey Of(Notification notification) =>
        new(notification.Rule, notification.Event, notification.Resolved, notification.Flapping);
}
