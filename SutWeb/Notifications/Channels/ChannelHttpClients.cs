namespace SutWeb.Notifications.Channels;

/// <summary>
/// One named HTTP client per channel (its own connections, so a slow receiver holds only its own), without Polly and
/// without redirects: the outbox is the retry, so that retries survive a restart.
/// </summary>
public static class ChannelHttpClients
{
    /// <summary>The longest one request to a receiver may take, answer included.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static string Name(string channel) => "SutWeb.Notifications." + channel;

    public static IServiceCollection AddChannelHttpClient(this IServiceCollection services, string channel)
    {
        services.AddHttpClient(Name(channel), client => client.Timeout = Timeout)
            // A redirect of a POST would lose its body or go where the URL's owner did not say; it is reported instead.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            // The factory's loggers write the request URL, which carries the webhook's token.
            .RemoveAllLoggers();
        return services;
    }
}
