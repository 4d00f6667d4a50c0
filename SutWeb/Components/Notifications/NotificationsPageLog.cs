namespace SutWeb.Components.Notifications;

/// <summary>What the notifications page logs (never a channel's URL or secret: only its name).</summary>
internal static partial class NotificationsPageLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification deliveries could not be read for the notifications page; it says so and tries again")]
    public static partial void ReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Test message {DeliveryId} queued for notification channel {Channel} from the notifications page")]
    public static partial void TestQueued(ILogger logger, Guid deliveryId, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Test message for notification channel {Channel} could not be queued")]
    public static partial void TestFailed(ILogger logger, Exception exception, string channel);
}
