using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace SutWeb.Security;

public static partial class SecurityExtensions
{
    /// <summary>The CORS policy of the hub: the pages of <see cref="SecurityOptions.AllowedOrigins"/> may read its answers.</summary>
    public const string AllowedOriginsPolicy = "SutWeb.AllowedOrigins";

    /// <summary>One name on every replica: Data Protection only reads what the same application name protected.</summary>
    public const string DataProtectionApplicationName = "SutWeb";

    /// <summary>
    /// The access key as ASP.NET Core authentication (header scheme, cookie scheme, a default that picks one) and a
    /// fallback authorization policy every endpoint gets unless it is marked <c>AllowAnonymous</c>; none when no
    /// key is configured. Also forwarded headers, when trusted.
    /// </summary>
    public static IServiceCollection AddSutWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddSingleton<WrongKeyLimiter>();

        var keyRing = services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        if (configuration.GetSection(SecurityOptions.Section)[nameof(SecurityOptions.KeyRingPath)] is { Length: > 0 } keyRingPath)
        {
            keyRing.PersistKeysToFileSystem(new DirectoryInfo(keyRingPath));
        }

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = AccessKeyDefaults.Scheme;
                options.DefaultChallengeScheme = AccessKeyDefaults.KeyScheme;
                options.DefaultForbidScheme = AccessKeyDefaults.KeyScheme;
                options.DefaultSignInScheme = AccessKeyDefaults.CookieScheme;
            })
            .AddPolicyScheme(AccessKeyDefaults.Scheme, null, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(AccessKeyDefaults.HeaderName) ? AccessKeyDefaults.KeyScheme : AccessKeyDefaults.CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessKeyAuthenticationHandler>(AccessKeyDefaults.KeyScheme, null)
            .AddCookie(AccessKeyDefaults.CookieScheme);
        services.AddOptions<CookieAuthenticationOptions>(AccessKeyDefaults.CookieScheme).Configure<IOptions<SecurityOptions>>((cookie, security) =>
        {
            cookie.Cookie.Name = AccessKeyDefaults.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request came over TLS, which a trusted proxy's X-Forwarded-Proto tells.
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.IsEssential = true;
            cookie.ExpireTimeSpan = security.Value.AccessCookieLifetime;
            // A screen that is opened again after half the lifetime gets a fresh cookie.
            cookie.SlidingExpiration = true;
        });

        // The origin check lets a listed origin connect; CORS lets its page read the answers (negotiate, long polling)
        // and pass the preflight that SignalR's browser client sends.
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<SecurityOptions>>((cors, security) =>
        {
            var allowed = security.Value.AllowedOrigins.Select(WebOrigin.Normalize).OfType<string>().ToHashSet();
            cors.AddPolicy(AllowedOriginsPolicy, policy => policy
                .SetIsOriginAllowed(origin => WebOrigin.Normalize(origin) is { } normalized && allowed.Contains(normalized))
                .AllowAnyHeader()
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                .AllowCredentials());
        });

        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<SecurityOptions>>((authorization, security) =>
        {
            if (security.Value.RequiresKey)
            {
                authorization.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            }
        });

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((forwarded, security) =>
        {
            // Loopback stays trusted (ASP.NET Core's default); a proxy elsewhere must be listed.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in security.Value.KnownProxies)
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
                else
                {
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                }
            }
        });
        return services;
    }

    /// <summary>
    /// Forwarded headers (when trusted), security headers on every answer, routing, the origin check of hub
    /// connections, CORS for the listed origins, then authentication and authorization (after routing, so endpoints' metadata count).
    /// </summary>
    public static WebApplication UseSutWebSecurity(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (!options.RequiresKey)
        {
            LogOpenToAnyone(app.Logger);
        }
        if (options.TrustForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRouting();
        app.UseMiddleware<HubOriginCheckMiddleware>();
        // Before authentication, so that a listed origin's preflight (which carries no key) is answered.
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Security:AccessKey is set: the dashboard, its hub and the health details are open to anyone who can reach this address")]
    private static partial void LogOpenToAnyone(ILogger logger);
}
