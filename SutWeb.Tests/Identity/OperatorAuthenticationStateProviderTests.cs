using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Identity;
using SutWeb.Operators;

namespace SutWeb.Tests.Identity;

/// <summary>Signing out in one tab takes the operator's rights from every open circuit of that sign-in, and only that one.</summary>
public sealed class OperatorAuthenticationStateProviderTests
{
    private static readonly OidcOptions Settings = new()
    {
        Authority = "https://login.example.com/",
        ClientId = "sutweb",
        OperatorClaimType = "roles",
        OperatorClaimValue = "sutweb-operator",
    };

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero));
    private readonly OperatorSessions _sessions;

    public OperatorAuthenticationStateProviderTests() => _sessions = new OperatorSessions(_clock, Options.Create(Settings));

    private ClaimsPrincipal Operator()
    {
        var viewer = new ClaimsIdentity([new Claim(ClaimTypes.Name, "access key holder")], "SutWeb.Key");
        var signedIn = new ClaimsIdentity([new Claim("name", "Dana Operator"), new Claim("roles", "sutweb-operator")], "SutWeb.Operator");
        signedIn.AddClaims(OperatorIdentity.ClaimsFor(new ClaimsPrincipal(signedIn), Settings, _clock.GetUtcNow()).ToList());
        return new ClaimsPrincipal([viewer, signedIn]);
    }

    private OperatorAuthenticationStateProvider Circuit(ClaimsPrincipal user)
    {
        var provider = new OperatorAuthenticationStateProvider(NullLoggerFactory.Instance, _sessions, _clock, Options.Create(Settings));
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        return provider;
    }

    [Fact]
    public async Task OperatorCircuit_SignInEnded_LosesOperatorRightsButKeepsViewing()
    {
        var user = Operator();
        using var circuit = Circuit(user);
        var changed = 0;
        circuit.AuthenticationStateChanged += _ => changed++;

        _sessions.End(OperatorIdentity.SessionOf(user)!);

        var now = (await circuit.GetAuthenticationStateAsync()).User;
        Assert.False(OperatorClaims.IsOperator(now));
        Assert.Null(OperatorIdentity.SessionOf(now));
        Assert.True(now.Identity?.IsAuthenticated);
        Assert.Equal(1, changed);
        Assert.True(_sessions.HasEnded(OperatorIdentity.SessionOf(user)));
    }

    [Fact]
    public async Task OperatorCircuit_AnotherSignInEnded_KeepsItsRights()
    {
        var user = Operator();
        var other = Operator();
        using var circuit = Circuit(user);

        _sessions.End(OperatorIdentity.SessionOf(other)!);

        Assert.True(OperatorClaims.IsOperator((await circuit.GetAuthenticationStateAsync()).User));
    }
}
