using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SutWeb.Operators;

namespace SutWeb.Tests.Operators;

/// <summary>
/// Stands for a sign-in's cookie scheme (which a browser sends on its own, cross-site too): <c>X-Test-User: name</c>
/// or <c>name;operator</c> signs in that user, an operator with the second form.
/// </summary>
public sealed class FakeSignInHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test.SignIn";
    public const string Header = "X-Test-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[Header].ToString() is not { Length: > 0 } value)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var parts = value.Split(';');
        List<Claim> claims = [new(ClaimTypes.Name, parts[0]), new(OperatorClaims.Who, parts[0])];
        if (parts is [_, "operator"])
        {
            claims.Add(new Claim(OperatorClaims.Operator, "true"));
        }
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName)));
    }
}
