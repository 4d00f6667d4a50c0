namespace SutWeb.Operators;

/// <summary>
/// The authentication schemes the <see cref="OperatorClaims.Policy"/> policy authenticates with, besides the default
/// scheme: the operator key's, and whatever a sign-in adds with
/// <see cref="OperatorPolicyExtensions.AddOperatorScheme"/>; each must add
/// <see cref="OperatorClaims.Operator"/> and <see cref="OperatorClaims.Who"/> to an operator's identity.
/// </summary>
public sealed class OperatorAuthenticationOptions
{
    public List<string> Schemes { get; } = [OperatorKeyDefaults.Scheme];
}
