namespace SutWeb.Security;

/// <summary>Who may see the dashboard, from which sites, and who may frame it (configuration section "Security").</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// When set, every page, the hub, the simulator's control API and health details require this key: once as
    /// <c>?key=</c> in a URL (answered with a cookie), or in the <c>X-SutWeb-Key</c> header for programs.
    /// </summary>
    public string? AccessKey { get; set; }

    /// <summary>How long the cookie earned with the key lasts (renewed when a page is opened after half of it).</summary>
    public TimeSpan AccessCookieLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Origins besides SutWeb's own (e.g. <c>https://portal.example.com</c>) whose pages may connect to the hub and to
    /// Blazor's circuit; browsers from any other origin are refused.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Take client address, scheme and host from <c>X-Forwarded-For/Proto/Host</c>, as a TLS proxy in front sends
    /// them. Only from <see cref="KnownProxies"/> and loopback.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }

    /// <summary>Proxies (addresses, or networks such as <c>10.0.0.0/8</c>) trusted besides loopback.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Directory for the keys that protect the access cookie; empty: ASP.NET Core's default (the user profile).</summary>
    public string? KeyRingPath { get; set; }

    /// <summary>The CSP <c>frame-ancestors</c> sources allowed to embed the pages, e.g. <c>'self' https://tv.example.com</c>.</summary>
    public string FrameAncestors { get; set; } = "'self'";

    public bool RequiresKey => !string.IsNullOrEmpty(AccessKey);
}
