namespace SutWeb.Notifications;

/// <summary>
/// Where the rules hand a notification over: it is stored (before anything is sent) and delivered to each of its
/// channels, with retries, in the background. Never waits for a receiver.
/// </summary>
public interface INotificationOutbox
{
    ValueTask EnqueueAsync(Notification notification, CancellationToken cancellationToken);
}
