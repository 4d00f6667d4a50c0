using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace SutWeb.Tests.Security.Oidc;

/// <summary>
/// The smallest web app that signs in through the test provider as SutWeb will: cookie scheme plus
/// Microsoft.AspNetCore.Authentication.OpenIdConnect, code flow with PKCE, form_post. <c>/login</c> challenges,
/// <c>/me</c> lists the signed-in principal's claims as JSON, <c>/logout</c> signs out at both ends.
/// </summary>
public sealed class OidcRelyingParty : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OidcRelyingParty(WebApplication app) => _app = app;

    public string BaseUrl =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";

    public static async Task<OidcRelyingParty> StartAsync(string authority, string clientId, string clientSecret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie()
            .AddOpenIdConnect(options =>
            {
                options.Authority = authority;
                options.ClientId = clientId;
                options.ClientSecret = clientSecret;
                options.ResponseType = "code";
                options.Scope.Add("email");
                options.Scope.Add("roles");
                // Loopback HTTP in this test only.
                options.RequireHttpsMetadata = false;
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // Provider and app share the host 127.0.0.1, so the form_post back is same-site and Lax suffices.
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                // The claims as the provider issued them ("roles", "name"), not mapped to WS-* URIs.
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = "roles";
                // A failed callback shows why, for the test to read, instead of an exception page.
                options.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect("/failed?why=" + Uri.EscapeDataString(context.Failure?.Message ?? ""));
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/login", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/me" }));
        app.MapGet("/me", (ClaimsPrincipal user) => Results.Json(user.Claims.Select(claim => new[] { claim.Type, claim.Value })))
            .RequireAuthorization();
        app.MapGet("/logout", () => Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/signed-out" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        app.MapGet("/signed-out", () => Results.Text("signed out"));
        app.MapGet("/failed", (string why) => Results.Text($"sign-in failed: {why}"));
        await app.StartAsync();
        return new OidcRelyingParty(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TimeSpan.FromSeconds(5));
        await _app.DisposeAsync();
    }
}
