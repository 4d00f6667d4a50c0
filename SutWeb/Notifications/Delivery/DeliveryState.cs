namespace SutWeb.Notifications.Delivery;

/// <summary>Where one delivery (a notification to one channel) stands.</summary>
public enum DeliveryState
{
    /// <summary>Stored, not yet accepted by the receiver: waiting for its first or next attempt.</summary>
    Pending,

    /// <summary>The receiver accepted it.</summary>
    Sent,

    /// <summary>The receiver refused it for good (a 4xx other than 408 and 429, a rejected recipient): not retried.</summary>
    Refused,

    /// <summary>Still failing when its hour of retries was over: given up.</summary>
    Failed,
}
