using System.Security.Claims;

namespace SutWeb.Operators;

/// <summary>
/// What makes a caller an operator, whichever way they proved it (OpenID Connect sign-in with the configured claim, or
/// a personal operator key): each scheme adds <see cref="Operator"/> and names the person in <see cref="Who"/>.
/// </summary>
public static class OperatorClaims
{
    /// <summary>Present (value "true") only on an operator's identity.</summary>
    public const string Operator = "sutweb_operator";

    /// <summary>Who acts, as the audit trail names them: the OIDC user's name or e-mail, or <c>key:{name}</c>.</summary>
    public const string Who = "sutweb_who";

    /// <summary>The authorization policy every operator action requires.</summary>
    public const string Policy = "Operator";

    public static bool IsOperator(ClaimsPrincipal? user) => user?.HasClaim(Operator, "true") == true;

    public static string? WhoIs(ClaimsPrincipal? user) => user?.FindFirst(Who)?.Value;
}
