using Microsoft.Extensions.Options;
using SutWeb.Eggplant.Sources;

namespace SutWeb.Eggplant;

/// <summary>
/// Warns at start when a password, client secret or bearer token would cross the network unencrypted: an
/// <c>http://</c> Eggplant URL whose host is not this machine, for every source, naming that source's setting.
/// Allowed (a lab may have no TLS), but never silently.
/// </summary>
public sealed partial class InsecureTransportWarning(IOptions<EggplantOptions> options, ILogger<InsecureTransportWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var source in EggplantSources.Resolve(options.Value))
        {
            var settings = source.Options;
            if (settings.UsesSimulator)
            {
                continue;
            }
            // The status calls carry bearer tokens, and the sign-in the password, to the base URL.
            WarnIfPlain(settings.BaseUrl, source.Setting("BaseUrl"), settings.UsesClientCredentials ? "bearer tokens" : "the password and bearer tokens");
            if (settings.UsesClientCredentials)
            {
                WarnIfPlain(settings.TokenUrl, source.Setting("TokenUrl"), "the client secret");
            }
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void WarnIfPlain(string? url, string setting, string what)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            LogPlainHttp(logger, what, uri.Authority, setting);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Eggplant credentials would travel unencrypted: {What} go over http:// to {Host}, which is not this machine; use an https:// URL in {Setting}")]
    private static partial void LogPlainHttp(ILogger logger, string what, string host, string setting);
}
