using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SutWeb.Operators;

namespace SutWeb.Identity;

/// <summary>
/// Operator sign-in through OpenID Connect (code flow with PKCE) into a cookie of its own, when
/// <c>Security:Oidc:Authority</c> is set; nothing otherwise (no sign-in button, no /signin).
/// </summary>
public static partial class OperatorSignInExtensions
{
    public static IServiceCollection AddOperatorSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OidcOptions>().Bind(configuration.GetSection(OidcOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();
        // Components read the user from here; without sign-in it stays the request's (the access key's) user.
        services.AddCascadingAuthenticationState();
        // The abort button names the browser's address (the circuit's connection) in the audit trail.
        services.AddHttpContextAccessor();
        if (configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() is not { IsConfigured: true })
        {
            return services;
        }

        services.AddSingleton<OperatorSessions>();
        services.AddScoped<AuthenticationStateProvider, OperatorAuthenticationStateProvider>();
        services.AddAuthentication()
            .AddCookie(OidcDefaults.CookieScheme)
            .AddOpenIdConnect(OidcDefaults.ChallengeScheme, _ => { });
        services.AddOperatorScheme(OidcDefaults.CookieScheme);
        services.AddOptions<CookieAuthenticationOptions>(OidcDefaults.CookieScheme).Configure<IOptions<OidcOptions>>(ConfigureCookie);
        services.AddOptions<OpenIdConnectOptions>(OidcDefaults.ChallengeScheme).Configure<IOptions<OidcOptions>>(ConfigureOidc);
        return services;
    }

    /// <summary>Adds the operator's identity to allowed requests (after authorization of the viewer) and maps the endpoints.</summary>
    public static WebApplication UseOperatorSignIn(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<OidcOptions>>().Value.IsConfigured)
        {
            app.UseMiddleware<OperatorIdentityMiddleware>();
            app.MapOperatorSignIn();
        }
        return app;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, IOptions<OidcOptions> oidc)
    {
        cookie.Cookie.Name = OidcDefaults.CookieName;
        cookie.Cookie.HttpOnly = true;
        // Lax, not Strict: the provider sends the browser back from another site, and the first page must see the sign-in.
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        // Secure whenever the request came over TLS, which a trusted proxy's X-Forwarded-Proto tells.
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.Cookie.IsEssential = true;
        // Short and sliding: acting needs a present person; the cap in ValidatePrincipal ends even a busy sign-in.
        cookie.ExpireTimeSpan = oidc.Value.IdleTimeout;
        cookie.SlidingExpiration = true;
        cookie.Events = new CookieAuthenticationEvents
        {
            OnValidatePrincipal = ValidatePrincipalAsync,
            // Pages link to /signin themselves; a refused request gets its status, not a redirect.
            OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized),
            OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden),
        };
    }

    private static void ConfigureOidc(OpenIdConnectOptions options, IOptions<OidcOptions> oidc)
    {
        var settings = oidc.Value;
        options.Authority = settings.Authority;
        options.ClientId = settings.ClientId;
        options.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        // Query, not form_post: the return is then a top-level GET, which SameSite=Lax correlation cookies survive.
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.Scope.Add("email");
        options.SignInScheme = OidcDefaults.CookieScheme;
        options.SignOutScheme = OidcDefaults.CookieScheme;
        options.CallbackPath = OidcDefaults.CallbackPath;
        options.SignedOutCallbackPath = OidcDefaults.SignedOutCallbackPath;
        options.SignedOutRedirectUri = SignInEndpoints.Return("/");
        // Claim types as the token names them, so that OperatorClaimType is what the provider's documentation says.
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = "name";
        options.GetClaimsFromUserInfoEndpoint = false;
        // No access or refresh token in the cookie: SutWeb calls nothing on the person's behalf. Only the ID token is
        // kept (TokenValidated), as the hint the provider's end-session endpoint wants.
        options.SaveTokens = false;
        // Plain http only for a provider on loopback (the tests' own provider); the validator refuses it elsewhere.
        options.RequireHttpsMetadata = !settings.AllowsHttpMetadata;
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Events = new OpenIdConnectEvents
        {
            OnTokenValidated = TokenValidated,
            OnRedirectToIdentityProviderForSignOut = context =>
            {
                // Some providers (Keycloak) want the client named when asked to send the browser back.
                context.ProtocolMessage.ClientId = settings.ClientId;
                return Task.CompletedTask;
            },
            OnRemoteFailure = RemoteFailure,
        };
    }

    private static Task TokenValidated(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var settings = services.GetRequiredService<IOptions<OidcOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (context.Principal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaims(OperatorIdentity.ClaimsFor(context.Principal, settings, now).ToList());
            LogSignedIn(Logger(context.HttpContext), OperatorClaims.WhoIs(context.Principal) ?? "unnamed user", OperatorClaims.IsOperator(context.Principal));
        }
        if ((context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage.IdToken) is { Length: > 0 } idToken)
        {
            context.Properties?.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
        }
        return Task.CompletedTask;
    }

    /// <summary>A cancelled or refused sign-in: back to the board, the reason in the log (never the provider's raw answer in a page).</summary>
    private static Task RemoteFailure(RemoteFailureContext context)
    {
        LogSignInFailed(Logger(context.HttpContext), context.Failure?.Message ?? "unknown");
        context.Response.Redirect(SignInEndpoints.Return("/"));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var settings = services.GetRequiredService<IOptions<OidcOptions>>().Value;
        var sessions = services.GetRequiredService<OperatorSessions>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var principal = context.Principal;
        var ended = principal is null || sessions.HasEnded(OperatorIdentity.SessionOf(principal))
            || OperatorIdentity.SignedInAt(principal) is not { } at || now - at >= settings.MaxLifetime;
        if (ended)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(OidcDefaults.CookieScheme);
        }
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OperatorSignInExtensions).FullName!);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Who} signed in (operator: {IsOperator})")]
    private static partial void LogSignedIn(ILogger logger, string who, bool isOperator);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An operator sign-in failed: {Reason}")]
    private static partial void LogSignInFailed(ILogger logger, string reason);
}
