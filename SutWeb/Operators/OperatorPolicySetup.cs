using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace SutWeb.Operators;

/// <summary>
/// <see cref="OperatorClaims.Policy"/>: an identity from any operator scheme that carries <see cref="OperatorClaims.Operator"/>.
/// Listing the schemes makes the policy authenticate them itself (not the access key's default scheme), so that no
/// one without them gets 401 and a signed-in person without the claim gets 403.
/// </summary>
public sealed class OperatorPolicySetup(IOptions<OperatorSchemes> schemes) : IConfigureOptions<AuthorizationOptions>
{
    public void Configure(AuthorizationOptions options) =>
        options.AddPolicy(OperatorClaims.Policy, policy => policy
            .AddAuthenticationSchemes([.. schemes.Value.Names])
            .RequireClaim(OperatorClaims.Operator, "true"));
}
