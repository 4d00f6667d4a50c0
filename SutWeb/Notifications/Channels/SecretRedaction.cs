namespace SutWeb.Notifications.Channels;

/// <summary>
/// What of a channel may be shown or logged: the host of its URL (whose path and query often carry a token), never
/// the URL, the webhook secret or the SMTP password.
/// </summary>
public static class SecretRedaction
{
    private const string Hidden = "***";

    /// <summary>Shorter parts of a URL's path or query are left: hiding "v1" everywhere would garble the message and protect nothing.</summary>
    private const int MinimumPart = 4;

    /// <summary>The host (and a port other than the scheme's) of <paramref name="url"/>; "(no URL)" or "(invalid URL)" otherwise.</summary>
    public static string Host(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "(no URL)";
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host)
            ? uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}"
            : "(invalid URL)";
    }

    /// <summary>Where a channel sends to, for a log line or a page: the URL's host, or the SMTP server's host and port.</summary>
    public static string Destination(ChannelOptions options) => options.Type == ChannelType.Email
        ? $"{options.Host}:{options.Port}"
        : Host(options.Url);

    /// <summary>
    /// <paramref name="text"/> (an exception's message, a receiver's answer) with the channel's secrets replaced: the
    /// whole URL, its path and query and each of their parts, the webhook secret and the SMTP password.
    /// </summary>
    public static string Scrub(string text, ChannelOptions options)
    {
        foreach (var secret in Secrets(options).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Hidden, StringComparison.OrdinalIgnoreCase);
        }
        return text;
    }

    private static IEnumerable<string> Secrets(ChannelOptions options)
    {
        if (!string.IsNullOrEmpty(options.Url))
        {
            yield return options.Url;
            if (Uri.TryCreate(options.Url, UriKind.Absolute, out var uri))
            {
                if (uri.PathAndQuery.Length > 1)
                {
                    yield return uri.PathAndQuery;
                    yield return Uri.UnescapeDataString(uri.PathAndQuery);
                }
                // A receiver may echo only a part of it: the path, the query, one segment or value (a token).
                var parts = uri.AbsolutePath.Split('/').Concat(uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)[^1]));
                foreach (var part in parts.Where(p => p.Length >= MinimumPart))
                {
                    yield return part;
                    yield return Uri.UnescapeDataString(part);
                }
                if (uri.AbsolutePath.Length > 1)
                {
                    yield return uri.AbsolutePath;
                }
                if (!string.IsNullOrEmpty(uri.UserInfo))
                {
                    yield return uri.UserInfo;
                }
            }
        }
        // Short values would blank out ordinary words; a secret that short is no secret worth the damage.
        if (options.Secret is { Length: >= 4 } secret)
        {
            yield return secret;
        }
        if (options.Password is { Length: >= 4 } password)
        {
            yield return password;
        }
    }
}
