using Microsoft.Extensions.Options;

namespace SutWeb.Security;

/// <summary>
/// Security headers that suit Blazor Server with MudBlazor: scripts only from this origin (no inline script, no
/// eval), inline styles allowed because MudBlazor sets style attributes and its theme writes a style element,
/// the circuit's WebSocket to this origin, and framing only where the operator allows it.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    private readonly string _contentSecurityPolicy = string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        $"frame-ancestors {options.Value.FrameAncestors}");

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
