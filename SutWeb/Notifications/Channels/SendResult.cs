namespace SutWeb.Notifications.Channels;

/// <param name="Status">The HTTP status or SMTP reply code; null when no answer came.</param>
/// <param name="Error">Why it failed, without secrets; null when sent.</param>
/// <param name="RetryAfter">How long the receiver asked to wait (<c>Retry-After</c>); null when it did not say.</param>
public sealed record SendResult(SendOutcome Outcome, int? Status, string? Error, TimeSpan? RetryAfter = null)
{
    public static SendResult Sent(int? status) => new(SendOutcome.Sent, status, null);

    public static SendResult Retry(int? status, string error, TimeSpan? retryAfter = null) => new(SendOutcome.Retry, status, error, retryAfter);

    public static SendResult Refused(int? status, string error) => new(SendOutcome.Refused, status, error);
}
