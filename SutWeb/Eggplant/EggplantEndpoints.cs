using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace SutWeb.Eggplant;

/// <summary>
/// The Eggplant URLs to call. With no <c>Eggplant:BaseUrl</c>, the host's own <c>/simulator/</c> over HTTP,
/// so the simulator is reached through the same client, token handling and policies as a real server.
/// </summary>
/// <param name="simulatorPath">Where the host serves the simulator this source polls: <c>simulator/</c>, or an instance's path.</param>
public sealed class EggplantEndpoints(IOptions<EggplantOptions> options, IServer server, string? simulatorPath = null)
{
    private Uri? _baseUri;

    public Uri BaseUri => _baseUri ??= ResolveBaseUri();

    public Uri AuthUri => new(BaseUri, "auth");

    public Uri StatusUri => new(BaseUri, "api/sut/status");

    public Uri AbortUri => new(BaseUri, "api/run/abort");

    public Uri? TokenUri => options.Value.UsesClientCredentials ? new Uri(options.Value.TokenUrl!) : null;

    private Uri ResolveBaseUri()
    {
        var configured = options.Value.BaseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new Uri(configured.EndsWith('/') ? configured : configured + "/");
        }
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        // Prefer plain HTTP on loopback: the simulator is this very process.
        var own = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no address yet; the simulator cannot be reached.");
        var uri = new UriBuilder(own.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }
        uri.Path = uri.Path.TrimEnd('/') + "/" + (simulatorPath ?? "simulator/");
        return uri.Uri;
    }
}
