using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace SutWeb.Notifications.Channels;

/// <summary>
/// Checks <c>Notifications:Channels</c> at start, each message naming the setting to fix. A URL, secret or password is
/// never quoted: a webhook URL carries its token in the path.
/// </summary>
public sealed class ChannelOptionsValidator : IValidateOptions<NotificationOptions>
{
    /// <summary>Set by SutWeb itself, or by the HTTP stack from the body: a channel may not set them.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        WebhookSignature.Header, WebhookSignature.DeliveryHeader, "Host", "Content-Length", "Content-Type",
        "Transfer-Encoding", "Connection", "Expect", "Upgrade", "TE", "Trailer", "Keep-Alive",
    };

    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var errors = new List<string>();
        foreach (var (channel, settings) in options.Channels)
        {
            var prefix = $"{NotificationOptions.Section}:Channels:{channel}";
            if (settings is null)
            {
                errors.Add($"{prefix} has no settings: give it at least Type and Url (or Host, From and To for email).");
                continue;
            }
            switch (settings.Type)
            {
                case ChannelType.Webhook or ChannelType.Slack or ChannelType.Teams:
                    ValidateUrl(prefix, settings, errors);
                    break;
                case ChannelType.Email:
                    ValidateEmail(prefix, settings, errors);
                    break;
                default:
                    errors.Add($"{prefix}:Type must be Webhook, Slack, Teams or Email (is {settings.Type}).");
                    continue;
            }
            if (settings.Type == ChannelType.Webhook)
            {
                ValidateHeaders(prefix, settings, errors);
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateUrl(string prefix, ChannelOptions settings, List<string> errors)
    {
        var what = settings.Type switch
        {
            ChannelType.Slack => "the Slack incoming webhook's address",
            ChannelType.Teams => "the Teams Workflows webhook's address",
            _ => "the address to POST to",
        };
        if (string.IsNullOrWhiteSpace(settings.Url))
        {
            errors.Add($"{prefix}:Url must be set: {what} (a {settings.Type} channel).");
        }
        else if (!Uri.TryCreate(settings.Url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            errors.Add($"{prefix}:Url must be an absolute https (or http) address: {what}. Its value is not shown, as it may carry a token.");
        }
    }

    private static void ValidateEmail(string prefix, ChannelOptions settings, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            errors.Add($"{prefix}:Host must name the SMTP server (an Email channel).");
        }
        else if (Uri.CheckHostName(settings.Host) == UriHostNameType.Unknown)
        {
            errors.Add($"{prefix}:Host must be a host name or address, without scheme or port (is '{settings.Host}'); the port is {prefix}:Port.");
        }
        if (settings.Port is < 1 or > 65535)
        {
            errors.Add($"{prefix}:Port must be from 1 to 65535 (is {settings.Port}).");
        }
        if (string.IsNullOrWhiteSpace(settings.From))
        {
            errors.Add($"{prefix}:From must be set: the sender's address (an Email channel).");
        }
        else if (!IsAddress(settings.From))
        {
            errors.Add($"{prefix}:From is not an email address ('{settings.From}').");
        }
        if (settings.To.Count(t => !string.IsNullOrWhiteSpace(t)) == 0)
        {
            errors.Add($"{prefix}:To must name at least one recipient (an Email channel), e.g. {prefix}:To:0=team@example.com.");
        }
        for (var i = 0; i < settings.To.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(settings.To[i]) && !IsAddress(settings.To[i]))
            {
                errors.Add($"{prefix}:To:{i} is not an email address ('{settings.To[i]}').");
            }
        }
        if (!string.IsNullOrEmpty(settings.Password) && string.IsNullOrEmpty(settings.Username))
        {
            errors.Add($"{prefix}:Password is set without {prefix}:Username: set both, or neither for a server that takes mail without sign-in.");
        }
    }

    private static void ValidateHeaders(string prefix, ChannelOptions settings, List<string> errors)
    {
        foreach (var (header, value) in settings.Headers)
        {
            if (header.Length == 0 || !header.All(IsTokenChar))
            {
                errors.Add($"{prefix}:Headers:{header} is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only).");
            }
            else if (ReservedHeaders.Contains(header))
            {
                errors.Add($"{prefix}:Headers:{header} cannot be set: SutWeb or HTTP sets it.");
            }
            if (value is null || value.Any(c => c is '\r' or '\n' or '\0'))
            {
                errors.Add($"{prefix}:Headers:{header} must be a value on one line.");
            }
        }
    }

    /// <summary>RFC 9110's token characters, which a header name is made of.</summary>
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);

    private static bool IsAddress(string address) => MailAddress.TryCreate(address, out _) && MimeKit.MailboxAddress.TryParse(address, out _);
}
