using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SutWeb.Tests.TestSupport.Oidc;

/// <summary>
/// The parts of the provider OpenIddict leaves to the host (passthrough): who signs in at the authorization endpoint,
/// what the token endpoint issues for a code, what userinfo tells, and signing out. Discovery, JWKS, client and
/// redirect URI checks, PKCE and code redemption are OpenIddict's own.
/// </summary>
public static class OidcEndpoints
{
    public const string AuthorizationPath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string UserInfoPath = "/connect/userinfo";
    public const string EndSessionPath = "/connect/endsession";

    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static void Map(WebApplication app, OidcProvider provider)
    {
        app.MapMethods(AuthorizationPath, [HttpMethods.Get, HttpMethods.Post], (HttpContext context) => Authorize(context, provider));
        // As Delegate, so the IResult is written rather than taken for a RequestDelegate's Task.
        app.MapPost(TokenPath, (Delegate)Token);
        app.MapMethods(UserInfoPath, [HttpMethods.Get, HttpMethods.Post], (Delegate)((HttpContext context) => UserInfo(context, provider)));
        app.MapMethods(EndSessionPath, [HttpMethods.Get, HttpMethods.Post], () => EndSession(provider));
        app.MapGet("/", () => Results.Content(
            "<!DOCTYPE html><html lang=\"en\"><head><title>Test identity provider</title></head><body><p>Signed out.</p></body></html>",
            "text/html"));
    }

    private static IResult Authorize(HttpContext context, OidcProvider provider)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not extract the authorization request.");
        if (request.HasPromptValue(PromptValues.None))
        {
            // No session here: nobody is signed in without the form.
            return Failure(Errors.LoginRequired, "The test provider keeps no session; sign in with the form.");
        }

        var userName = HttpMethods.IsPost(context.Request.Method) ? (string?)request.GetParameter(OidcLoginPage.UserNameField) : null;
        if (string.IsNullOrWhiteSpace(userName))
        {
            return LoginPage(context, request, error: null);
        }

        var user = provider.FindUser(userName);
        if (user is null)
        {
            return LoginPage(context, request, $"No user called {userName}.");
        }

        var identity = new ClaimsIdentity(authenticationType: "OidcTestProvider", nameType: Claims.Name, roleType: Claims.Role);
        identity.SetClaim(Claims.Subject, user.Name)
            .SetClaim(Claims.Name, user.Name)
            .SetClaim(Claims.PreferredUsername, user.Name)
            .SetClaim(Claims.Email, user.Email);
        foreach (var claim in user.Claims)
        {
            identity.AddClaim(new Claim(claim.Type, claim.Value));
        }

        identity.SetScopes(request.GetScopes());
        // Every claim goes into the id_token (what the relying party sees) and the access token (for userinfo).
        identity.SetDestinations(static _ => [Destinations.AccessToken, Destinations.IdentityToken]);
        provider.Record(new OidcSignIn(user.Name, request.ClientId ?? "", [.. request.GetScopes()]));
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, Scheme);
    }

    private static async Task<IResult> Token(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not extract the token request.");
        if (!request.IsAuthorizationCodeGrantType())
        {
            return Failure(Errors.UnsupportedGrantType, "Only the authorization code flow is offered.");
        }

        // OpenIddict has already checked the client, its secret, the code, its redirect URI and the PKCE verifier.
        var result = await context.AuthenticateAsync(Scheme);
        return result.Principal is { } principal
            ? Results.SignIn(principal, properties: null, Scheme)
            : Failure(Errors.InvalidGrant, "The code is no longer valid.");
    }

    private static async Task<IResult> UserInfo(HttpContext context, OidcProvider provider)
    {
        var result = await context.AuthenticateAsync(Scheme);
        var user = result.Principal?.GetClaim(Claims.Subject) is { } subject ? provider.FindUser(subject) : null;
        if (user is null)
        {
            return Results.Challenge(properties: null, [Scheme]);
        }

        var answer = new Dictionary<string, object>
        {
            [Claims.Subject] = user.Name,
            [Claims.Name] = user.Name,
            [Claims.PreferredUsername] = user.Name,
            [Claims.Email] = user.Email,
        };
        foreach (var group in user.Claims.GroupBy(claim => claim.Type))
        {
            answer[group.Key] = group.Count() == 1 ? group.First().Value : group.Select(claim => claim.Value).ToArray();
        }

        return Results.Json(answer);
    }

    private static IResult EndSession(OidcProvider provider)
    {
        provider.RecordSignOut();
        // OpenIddict sends the browser to post_logout_redirect_uri when it is registered for the client, else here.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [Scheme]);
    }

    private static IResult LoginPage(HttpContext context, OpenIddictRequest request, string? error)
    {
        var parameters = request.GetParameters()
            .Where(parameter => parameter.Key != OidcLoginPage.UserNameField)
            .Select(parameter => KeyValuePair.Create(parameter.Key, (string?)parameter.Value));
        var action = context.Request.PathBase + context.Request.Path;
        return Results.Content(OidcLoginPage.Render(action, parameters, error), "text/html; charset=utf-8");
    }

    private static IResult Failure(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [Scheme]);
}
