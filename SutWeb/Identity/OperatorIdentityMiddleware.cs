using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SutWeb.Security;

namespace SutWeb.Identity;

/// <summary>
/// Adds the signed-in operator's identity to the request's user, beside the access key's, so that pages and Blazor
/// circuits see it. Only on a request the viewer check already let through: signing in never replaces the access key.
/// </summary>
public sealed class OperatorIdentityMiddleware(RequestDelegate next, IOptions<SecurityOptions> security)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var mayView = !security.Value.RequiresKey || context.User.Identities.Any(identity => identity.IsAuthenticated);
        if (mayView && !context.User.HasClaim(claim => claim.Type == OidcDefaults.SessionClaim))
        {
            var result = await context.AuthenticateAsync(OidcDefaults.CookieScheme);
            if (result.Succeeded && result.Principal.Identity is ClaimsIdentity operatorIdentity)
            {
                var identities = context.User.Identities.Where(identity => identity.IsAuthenticated).Append(operatorIdentity);
                context.User = new ClaimsPrincipal(identities);
            }
        }
        await next(context);
    }
}
