using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Identity;

namespace SutWeb.Tests.Identity;

/// <summary>
/// Stands in for the provider's callback in host tests: <c>/test/operator-signin</c> signs in as the callback would,
/// into the real operator cookie with SutWeb's own claims, so that everything after the provider is real.
/// </summary>
public sealed class TestOperatorSignIn : IStartupFilter
{
    public const string Path = "/test/operator-signin";

    public static readonly OidcOptions Settings = new() { OperatorClaimType = "roles", OperatorClaimValue = "sutweb-operator" };

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (context.Request.Path != Path)
            {
                await following(context);
                return;
            }
            var role = context.Request.Query["role"].ToString();
            var identity = new ClaimsIdentity([new Claim("sub", "u1"), new Claim("name", "Dana Operator"), new Claim("roles", role)], "test-oidc");
            identity.AddClaims(OperatorIdentity.ClaimsFor(new ClaimsPrincipal(identity), Settings, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()).ToList());
            await context.SignInAsync(OidcDefaults.CookieScheme, new ClaimsPrincipal(identity));
            await context.Response.WriteAsync("signed in");
        });
        next(app);
    };
}
