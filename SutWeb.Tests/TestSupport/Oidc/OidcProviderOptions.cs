using Microsoft.Extensions.Logging;

namespace SutWeb.Tests.TestSupport.Oidc;

/// <summary>The one confidential client the test provider knows and the users it can sign in.</summary>
public sealed class OidcProviderOptions
{
    public IReadOnlyList<OidcUser> Users { get; init; } = [];

    public string ClientId { get; init; } = "sutweb";

    public string ClientSecret { get; init; } = "sutweb-test-secret";

    /// <summary>Where codes may go, e.g. <c>{sutweb}/signin-oidc</c>; more can follow with <see cref="OidcProvider.AllowRedirectUrisAsync"/>.</summary>
    public IReadOnlyList<Uri> RedirectUris { get; init; } = [];

    /// <summary>Where the end-session endpoint may send the browser back, e.g. <c>{sutweb}/signout-callback-oidc</c>.</summary>
    public IReadOnlyList<Uri> PostLogoutRedirectUris { get; init; } = [];

    /// <summary>Logging of the provider's host; none when not set, as the other loopback servers.</summary>
    public Action<ILoggingBuilder>? Logging { get; init; }
}
