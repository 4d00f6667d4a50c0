using System.Globalization;
using SutWeb.Notifications;
using SutWeb.Notifications.Channels;
using SutWeb.Notifications.Delivery;

namespace SutWeb.Components.Notifications;

/// <summary>The notifications page's words: events, spans of time, and how a delivery went.</summary>
public static class NotificationWords
{
    public static string Event(string @event) => @event switch
    {
        NotificationEvents.RunFailed => "Run failed",
        NotificationEvents.RunIncomplete => "Run incomplete",
        NotificationEvents.RunLost => "Run lost",
        NotificationEvents.RunStuck => "Run possibly stuck",
        NotificationEvents.AgentDisconnected => "Agent disconnected",
        NotificationEvents.AgentReconnected => "Agent reconnected",
        NotificationEvents.SourceDown => "Source down",
        NotificationEvents.SourceRecovered => "Source recovered",
        ChannelTest.Event => "Test message",
        _ => @event,
    };

    /// <summary>"1 min", "1 h 30 min", "45 s", "2 d".</summary>
    public static string Span(TimeSpan span)
    {
        var parts = new List<string>();
        if (span.Days > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{span.Days} d"));
        }
        if (span.Hours > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{span.Hours} h"));
        }
        if (span.Minutes > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{span.Minutes} min"));
        }
        if (span.Seconds > 0 || parts.Count == 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{span.Seconds} s"));
        }
        return string.Join(' ', parts);
    }

    /// <summary>What the receiver last said: "HTTP 200", "HTTP 503 Service Unavailable: busy", "SMTP 250", "No answer within 10 s".</summary>
    public static string? Answer(DeliveryRecord record, bool email)
    {
        var status = record.LastStatus is { } code ? $"{(email ? "SMTP" : "HTTP")} {code.ToString(CultureInfo.InvariantCulture)}" : null;
        return (status, record.LastError) switch
        {
            (null, null) => null,
            ({ } s, null) => s,
            (null, { } e) => e,
            // The senders' errors mostly name the status already ("HTTP 500 Internal Server Error: …").
            ({ } s, { } e) when e.Contains(record.LastStatus!.Value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) => e,
            ({ } s, { } e) => $"{s}: {e}",
        };
    }

    /// <summary>How a delivery went, in one sentence: "Sent (HTTP 200)", "Refused, not retried: HTTP 400 …", "Not delivered yet, will retry: …".</summary>
    public static string Outcome(DeliveryRecord record, bool email)
    {
        var answer = Answer(record, email);
        return record.State switch
        {
            DeliveryState.Sent => answer is null ? "Sent" : $"Sent ({answer})",
            DeliveryState.Refused => $"Refused, not retried{Colon(answer)}",
            DeliveryState.Failed => $"Given up after an hour of retries{Colon(answer)}",
            _ when record.Attempts == 0 => "Waiting for its first attempt",
            _ => $"Not delivered yet, will retry{Colon(answer)}",
        };
    }

    private static string Colon(string? text) => text is null ? "" : $": {text}";
}
