using System.Security.Claims;

namespace SutWeb.Tests.TestSupport.Oidc;

/// <summary>
/// A person the test provider can sign in: <see cref="Name"/> is what the login form takes and becomes <c>sub</c> and
/// <c>name</c>; <see cref="Claims"/> (for example <c>roles: sutweb-operator</c>) go into the id_token as they are.
/// </summary>
public sealed record OidcUser(string Name, string Email)
{
    /// <summary>Further claims; several with one type become a JSON array in the tokens.</summary>
    public IReadOnlyList<Claim> Claims { get; init; } = [];
}
