namespace SutWeb.Operators;

/// <summary>
/// The authentication schemes that can prove an operator (the OIDC sign-in cookie, operator keys): each part adds its
/// own through <see cref="OperatorPolicyExtensions.AddOperatorScheme"/>, and <see cref="OperatorClaims.Policy"/> asks
/// all of them, so one policy serves pages and scripts.
/// </summary>
public sealed class OperatorSchemes
{
    public List<string> Names { get; } = [];
}
