namespace SutWeb.Identity;

/// <summary>
/// OpenID Connect sign-in for operators (configuration section "Security:Oidc"); off unless <see cref="Authority"/> is
/// set. Signing in is only for acting (aborting a run): viewing still needs at most the access key.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Security:Oidc";

    /// <summary>The provider's issuer, e.g. <c>https://login.example.com/realms/qa</c>; its discovery document is read from there.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The confidential client's secret; empty for a public client (PKCE protects the code either way). Never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The ID token claim that marks an operator, as the token names it (e.g. <c>roles</c>, <c>groups</c>).</summary>
    public string? OperatorClaimType { get; set; }

    /// <summary>The value of <see cref="OperatorClaimType"/> that makes an operator; one value of a multi-valued claim suffices.</summary>
    public string? OperatorClaimValue { get; set; }

    /// <summary>A sign-in ends after this long without a page request (the cookie slides).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A sign-in ends this long after it began, however active: then the provider is asked again.</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromHours(12);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>Whether the discovery document may come over plain HTTP: only from a loopback address (a test provider).</summary>
    public bool AllowsHttpMetadata =>
        Uri.TryCreate(Authority, UriKind.Absolute, out var authority) && authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback;
}
