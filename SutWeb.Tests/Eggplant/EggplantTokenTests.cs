using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Eggplant;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;
using SutWeb.Shared.Wire;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Eggplant;

/// <summary>Token handling against the simulator over real HTTP.</summary>
public sealed class EggplantTokenTests
{
    // A poll interval far beyond any test, so only the calls a test makes reach the simulator after the first poll.
    private static readonly Dictionary<string, string?> QuietPoller = new()
    {
        ["Eggplant:PollInterval"] = "10:00:00",
        ["Eggplant:IdlePollInterval"] = "10:00:00",
    };

    [Fact]
    public async Task Token_ManyCallsBeforeExpiry_SignsInOnce()
    {
        await using var host = await StartQuietAsync();
        var client = host.Services.GetRequiredService<EggplantClient>();
        await client.GetStatusPayloadAsync(CancellationToken.None);
        var before = await host.GetStatsAsync();

        for (var i = 0; i < 5; i++)
        {
            await client.GetStatusPayloadAsync(CancellationToken.None);
        }

        var after = await host.GetStatsAsync();
        Assert.Equal(before.AuthRequests, after.AuthRequests);
        Assert.Equal(before.StatusRequests + 5, after.StatusRequests);
    }

    [Fact]
    public async Task Token_AfterItsLifetime_IsRenewedBeforeTheServerRejectsIt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartQuietAsync(s => s.AddSingleton<TimeProvider>(clock));
        await host.SetActivityAsync(false);
        await host.SetTokenLifetimeAsync(5);
        var client = host.Services.GetRequiredService<EggplantClient>();
        clock.Advance(TimeSpan.FromHours(2)); // the first poll's one-hour token has run out
        await client.GetStatusPayloadAsync(CancellationToken.None); // a new five-second token
        var before = await host.GetStatsAsync();

        await client.GetStatusPayloadAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(6));
        await client.GetStatusPayloadAsync(CancellationToken.None);

        var after = await host.GetStatsAsync();
        Assert.Equal(before.AuthRequests + 1, after.AuthRequests);
        Assert.Equal(before.StatusRequests + 2, after.StatusRequests); // no 401 and retry: renewed in time
    }

    [Fact]
    public async Task Token_RejectedWith401_IsRenewedAndTheCallRetriedExactlyOnce()
    {
        await using var host = await StartQuietAsync();
        var client = host.Services.GetRequiredService<EggplantClient>();
        await client.GetStatusPayloadAsync(CancellationToken.None);
        await host.SetFaultAsync("unauthorized");
        var before = await host.GetStatsAsync();

        var error = await Assert.ThrowsAsync<EggplantException>(() => client.GetStatusPayloadAsync(CancellationToken.None));

        var after = await host.GetStatsAsync();
        Assert.Equal(UpstreamFailureKind.Unauthorized, error.Kind);
        Assert.Equal(before.StatusRequests + 2, after.StatusRequests);
        Assert.Equal(before.AuthRequests + 1, after.AuthRequests);

        await host.SetFaultAsync("none");
        var agents = StatusPayloadParser.Parse(await client.GetStatusPayloadAsync(CancellationToken.None));
        Assert.NotEmpty(agents);
        Assert.Equal(after.AuthRequests, (await host.GetStatsAsync()).AuthRequests); // the renewed token is kept
    }

    [Fact]
    public async Task Token_ConcurrentCallersWithNoToken_ShareOneSignIn()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SutWebHost.StartAsync(QuietPoller, s => s.AddSingleton<TimeProvider>(clock));
        await host.SetActivityAsync(false);
        await Eventually.UntilAsync(() => host.Board.Current.Version > 0, "the first poll has signed in");
        clock.Advance(TimeSpan.FromHours(2)); // the token is now expired for every caller
        var client = host.Services.GetRequiredService<EggplantClient>();
        var before = await host.GetStatsAsync();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => client.GetStatusPayloadAsync(CancellationToken.None))));

        var after = await host.GetStatsAsync();
        Assert.Equal(before.AuthRequests + 1, after.AuthRequests);
        Assert.Equal(before.StatusRequests + 20, after.StatusRequests);
    }

    [Fact]
    public async Task Token_WrongPassword_BoardShowsUnauthorizedNamingTheCredentials()
    {
        var port = SutWebHost.FreePort();
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>(OwnSimulatorAsServer(port))
        {
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = "not-the-password",
            ["Eggplant:PollInterval"] = "00:00:00.250",
        }, port: port);

        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Unauthorized, "health is Unauthorized");

        var health = host.Board.Current.Health;
        Assert.Contains("rejected the credentials", health.LastError);
        Assert.Contains("Eggplant:Password", health.LastError);
        Assert.Empty(host.Board.Current.Agents);
    }

    [Fact]
    public async Task Token_ClientCredentials_SignsInAtTheTokenUrl()
    {
        var port = SutWebHost.FreePort();
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>(OwnSimulatorAsServer(port))
        {
            ["Eggplant:TokenUrl"] = $"http://127.0.0.1:{port}/simulator/oauth/token",
            ["Eggplant:ClientId"] = "sutweb-dashboard",
            ["Eggplant:ClientSecret"] = "simulator",
        }, port: port);

        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "signed in with client credentials");

        Assert.Equal(5, host.Board.Current.Agents.Count);
    }

    /// <summary>
    /// The host's own simulator configured as if it were a real server: the embedded simulator is always signed in to
    /// with its own credentials, so credentials under test need an <c>Eggplant:BaseUrl</c>.
    /// </summary>
    private static Dictionary<string, string?> OwnSimulatorAsServer(int port) => new()
    {
        ["Simulator:Enabled"] = "true",
        ["Simulator:AllowBesideRealServer"] = "true",
        ["Eggplant:BaseUrl"] = $"http://127.0.0.1:{port}/simulator/",
    };

    /// <summary>The host once its first poll has finished, so that no poll's calls fall among a test's own.</summary>
    private static async Task<SutWebHost> StartQuietAsync(Action<IServiceCollection>? services = null)
    {
        var host = await SutWebHost.StartAsync(QuietPoller, services);
        var poller = host.Services.GetRequiredService<PollerStatus>();
        await Eventually.UntilAsync(() => poller.CompletedPolls > 0, "the first poll has finished");
        return host;
    }
}
