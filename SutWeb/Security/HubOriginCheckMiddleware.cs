using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using SutWeb.Telemetry;

namespace SutWeb.Security;

/// <summary>
/// Refuses browsers on other sites: CORS does not cover WebSocket upgrades, so without this any page a viewer opens
/// could connect to <c>/hubs/status</c> or Blazor's <c>/_blazor</c> through the viewer's browser and read the board.
/// Every endpoint of a SignalR hub (negotiate and every transport) is checked; a request whose <c>Origin</c> is
/// neither this site's nor in <see cref="SecurityOptions.AllowedOrigins"/> gets 403. Programs send no
/// <c>Origin</c> and pass (the access key, when set, still applies to them).
/// </summary>
public sealed partial class HubOriginCheckMiddleware(
    RequestDelegate next,
    IOptions<SecurityOptions> options,
    SutWebMetrics metrics,
    ILogger<HubOriginCheckMiddleware> logger)
{
    private const int MaxLoggedOriginChars = 200;

    private readonly HashSet<string> _allowed = [.. options.Value.AllowedOrigins.Select(WebOrigin.Normalize).OfType<string>()];

    public async Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin;
        var endpoint = context.GetEndpoint();
        if (origin.Count == 0 || endpoint?.Metadata.GetMetadata<HubMetadata>() is null || IsAllowed(origin.ToString(), context.Request))
        {
            await next(context);
            return;
        }
        // The route pattern, not the raw path: a bounded set of values for the metric.
        var path = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "";
        var shown = origin.ToString();
        LogRefused(logger, shown.Length > MaxLoggedOriginChars ? shown[..MaxLoggedOriginChars] + "…" : shown, path);
        metrics.OriginRejected(path);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Connections from pages of another site are refused (see Security:AllowedOrigins).");
    }

    private bool IsAllowed(string origin, HttpRequest request)
    {
        var normalized = WebOrigin.Normalize(origin);
        return normalized is not null && (normalized == WebOrigin.Of(request) || _allowed.Contains(normalized));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a connection from a page of origin {Origin} to {Path}: neither this site nor in Security:AllowedOrigins")]
    private static partial void LogRefused(ILogger logger, string origin, string path);
}
