namespace SutWeb.Notifications.Channels;

/// <summary>What one attempt to hand a notification to a receiver came to.</summary>
public enum SendOutcome
{
    /// <summary>The receiver accepted it.</summary>
    Sent,

    /// <summary>Worth another try: 5xx, 408, 429, a network error, a timeout, an SMTP 4xx.</summary>
    Retry,

    /// <summary>Refused for good: another 4xx, a redirect, an SMTP 5xx, a failed sign-in. Retrying would not help.</summary>
    Refused,
}
