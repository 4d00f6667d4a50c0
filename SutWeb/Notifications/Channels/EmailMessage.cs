using System.Net;
using System.Text;
using MimeKit;

namespace SutWeb.Notifications.Channels;

/// <summary>
/// The email of a notification: a plain-text and an HTML part (every value HTML-escaped), the subject its title, and
/// a Message-Id made of the delivery id, the same on every retry, so that a mail system can drop a duplicate.
/// </summary>
public static class EmailMessage
{
    public static MimeMessage Build(ChannelOptions options, Notification notification)
    {
        var message = NotificationText.Compose(notification);
        var mail = new MimeMessage
        {
            Subject = $"[SutWeb] {message.Title}",
            MessageId = $"{notification.DeliveryId}@sutweb",
        };
        mail.From.Add(MailboxAddress.Parse(options.From!));
        foreach (var to in options.To)
        {
            mail.To.Add(MailboxAddress.Parse(to));
        }
        mail.Headers.Add(WebhookSignature.DeliveryHeader, notification.DeliveryId.ToString());
        mail.Body = new BodyBuilder { TextBody = Text(message), HtmlBody = Html(message) }.ToMessageBody();
        return mail;
    }

    public static string Text(NotificationMessage message)
    {
        var text = new StringBuilder();
        text.Append(message.Title).Append("\n\n").Append(message.Summary).Append("\n\n");
        var width = message.Facts.Max(f => f.Label.Length) + 2;
        foreach (var fact in message.Facts)
        {
            text.Append((fact.Label + ":").PadRight(width)).Append(fact.Value).Append('\n');
        }
        if (message.LastLog is { } log)
        {
            text.Append("\nLast log:\n").Append(log).Append('\n');
        }
        if (message.Link is { } link)
        {
            text.Append("\nOpen in SutWeb: ").Append(link).Append('\n');
        }
        text.Append("\n-- \n").Append(message.Footer).Append('\n');
        return text.ToString();
    }

    public static string Html(NotificationMessage message)
    {
        var colour = message.Tone switch { MessageTone.Problem => "#b3261e", MessageTone.Resolved => "#1b7f3b", _ => "#333333" };
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        html.Append("<h2 style=\"color:").Append(colour).Append("\">").Append(E(message.Title)).Append("</h2>");
        html.Append("<p>").Append(E(message.Summary)).Append("</p>");
        html.Append("<table cellpadding=\"4\">");
        foreach (var fact in message.Facts)
        {
            html.Append("<tr><th align=\"left\">").Append(E(fact.Label)).Append("</th><td>").Append(E(fact.Value)).Append("</td></tr>");
        }
        html.Append("</table>");
        if (message.LastLog is { } log)
        {
            html.Append("<h3>Last log</h3><pre style=\"white-space:pre-wrap\">").Append(E(log)).Append("</pre>");
        }
        if (message.Link is { } link && Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            html.Append("<p><a href=\"").Append(E(link)).Append("\">Open in SutWeb</a></p>");
        }
        html.Append("<p style=\"color:#666666;font-size:small\">").Append(E(message.Footer)).Append("</p>");
        html.Append("</body></html>");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
