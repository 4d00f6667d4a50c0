using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SutWeb.Tests.TestSupport.Oidc;

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on 127.0.0.1 and a free port, for tests that sign in through the
/// browser: discovery, JWKS, authorization code flow with PKCE, token, userinfo and end-session endpoints, one
/// confidential client and the users a test names, chosen on a plain login form. Its keys are made at start and die
/// with it; its stores are OpenIddict's Entity Framework Core ones on an in-memory SQLite database.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SqliteConnection _connection;
    private readonly IReadOnlyDictionary<string, OidcUser> _users;
    private readonly string _clientId;
    private readonly ConcurrentQueue<OidcSignIn> _signIns = new();
    private int _signOuts;

    private OidcProvider(WebApplication app, SqliteConnection connection, OidcProviderOptions options)
    {
        _app = app;
        _connection = connection;
        _clientId = options.ClientId;
        _users = options.Users.ToDictionary(user => user.Name, StringComparer.Ordinal);
    }

    /// <summary>The issuer and base URL with a trailing slash, as <c>Authority</c> of the OpenID Connect handler takes it.</summary>
    public string Authority =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";

    /// <summary>Sign-ins granted so far, oldest first.</summary>
    public IReadOnlyList<OidcSignIn> SignIns => [.. _signIns];

    /// <summary>Requests to the end-session endpoint so far.</summary>
    public int SignOuts => Volatile.Read(ref _signOuts);

    public static async Task<OidcProvider> StartAsync(OidcProviderOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ClientId, nameof(options.ClientId));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ClientSecret, nameof(options.ClientSecret));

        // The in-memory database lives as long as this one open connection.
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        options.Logging?.Invoke(builder.Logging);
        builder.Services.AddDbContext<OidcProviderDbContext>(database =>
        {
            database.UseSqlite(connection);
            database.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<OidcProviderDbContext>();
                // Redirect URIs added after start must count at once.
                core.DisableEntityCaching();
            })
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(OidcEndpoints.AuthorizationPath.TrimStart('/'))
                    .SetTokenEndpointUris(OidcEndpoints.TokenPath.TrimStart('/'))
                    .SetUserInfoEndpointUris(OidcEndpoints.UserInfoPath.TrimStart('/'))
                    .SetEndSessionEndpointUris(OidcEndpoints.EndSessionPath.TrimStart('/'));
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles);
                // Keys made at start, in memory only: nothing to provision, nothing left behind.
                server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // Test provider only: plain HTTP on loopback. A real provider is reached over TLS.
                    .DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        var provider = new OidcProvider(app, connection, options);
        app.UseAuthentication();
        OidcEndpoints.Map(app, provider);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OidcProviderDbContext>().Database.EnsureCreatedAsync();
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = options.ClientId,
                ClientSecret = options.ClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = "SutWeb under test",
                Permissions =
                {
                    Permissions.Endpoints.Authorization,
                    Permissions.Endpoints.Token,
                    Permissions.Endpoints.EndSession,
                    Permissions.GrantTypes.AuthorizationCode,
                    Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Profile,
                    Permissions.Scopes.Email,
                    Permissions.Scopes.Roles,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            descriptor.RedirectUris.UnionWith(options.RedirectUris);
            descriptor.PostLogoutRedirectUris.UnionWith(options.PostLogoutRedirectUris);
            await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(descriptor);
        }

        await app.StartAsync();
        return provider;
    }

    /// <summary>
    /// Registers more redirect URIs for the client, for a relying party that learns its own address only after the
    /// provider's (start the provider, give SutWeb its <see cref="Authority"/>, start SutWeb, then allow its URIs).
    /// </summary>
    public async Task AllowRedirectUrisAsync(IEnumerable<Uri> redirectUris, IEnumerable<Uri>? postLogoutRedirectUris = null)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var application = await manager.FindByClientIdAsync(_clientId)
            ?? throw new InvalidOperationException($"The client {_clientId} is gone.");
        var descriptor = new OpenIddictApplicationDescriptor();
        await manager.PopulateAsync(descriptor, application);
        descriptor.RedirectUris.UnionWith(redirectUris);
        descriptor.PostLogoutRedirectUris.UnionWith(postLogoutRedirectUris ?? []);
        // The descriptor carries the stored hash of the secret, so the secret stays as it is.
        await manager.PopulateAsync(application, descriptor);
        await manager.UpdateAsync(application);
    }

    /// <summary>Allows <c>{baseUrl}/signin-oidc</c> and <c>{baseUrl}/signout-callback-oidc</c>, the OpenID Connect handler's default callbacks.</summary>
    public Task AllowRelyingPartyAsync(string baseUrl)
    {
        var root = baseUrl.TrimEnd('/');
        return AllowRedirectUrisAsync([new Uri($"{root}/signin-oidc")], [new Uri($"{root}/signout-callback-oidc")]);
    }

    internal OidcUser? FindUser(string name) => _users.GetValueOrDefault(name);

    internal void Record(OidcSignIn signIn) => _signIns.Enqueue(signIn);

    internal void RecordSignOut() => Interlocked.Increment(ref _signOuts);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TimeSpan.FromSeconds(5));
        await _app.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
