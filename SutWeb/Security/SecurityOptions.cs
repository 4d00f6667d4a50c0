namespace SutWeb.Security;

/// <summary>Who may see the dashboard and who may frame it (configuration section "Security").</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// When set, every page, the hub, the simulator's control API and health details require this key: once as
    /// <c>?key=</c> in a URL (answered with a cookie), or in the <c>X-SutWeb-Key</c> header for programs.
    /// </summary>
    public string? AccessKey { get; set; }

    /// <summary>The CSP <c>frame-ancestors</c> sources allowed to embed the pages, e.g. <c>'self' https://tv.example.com</c>.</summary>
    public string FrameAncestors { get; set; } = "'self'";

    public bool RequiresKey => !string.IsNullOrEmpty(AccessKey);
}
