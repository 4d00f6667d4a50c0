namespace SutWeb.Notifications;

/// <summary>One channel (<c>Notifications:Channels:{name}</c>). Which settings apply depends on <see cref="Type"/>.</summary>
public sealed class ChannelOptions
{
    public ChannelType Type { get; set; }

    /// <summary>Webhook, Slack, Teams: where to POST. Often carries a token in its path: a secret, never shown whole.</summary>
    public string? Url { get; set; }

    /// <summary>Webhook: the HMAC-SHA256 key for <c>X-SutWeb-Signature</c>.</summary>
    public string? Secret { get; set; }

    /// <summary>Webhook: extra request headers.</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Email: the SMTP server.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public bool StartTls { get; set; } = true;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string? From { get; set; }

    /// <summary>Email: the recipients.</summary>
    public List<string> To { get; set; } = [];
}
