using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Simulator;

/// <summary>
/// Credentials meant for a real server (a user-secret, say) neither break the demo nor leave the host while the
/// embedded simulator is the source; the log says they are ignored, and why, without their values.
/// </summary>
public sealed class SimulatorSignInTests
{
    private const string RealPassword = "real-server-Pa55-never-logged";

    [Fact]
    public async Task Simulator_RealServerPasswordWithoutBaseUrl_PollsTheSimulatorHealthy()
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:Username"] = "me@example.com",
            ["Eggplant:Password"] = RealPassword,
        });

        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "the simulator is polled");

        Assert.Equal(5, host.Board.Current.Agents.Count);
        Assert.Single(host.Logs.Lines, l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains(
            "Eggplant:Username, Eggplant:Password are set but Eggplant:BaseUrl is not: polling the embedded simulator; set Eggplant:BaseUrl to use a real server",
            StringComparison.Ordinal));
        Assert.DoesNotContain(RealPassword, host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulator_ClientCredentialsWithoutBaseUrl_SignsInToTheSimulatorNotTheTokenUrl()
    {
        // Nothing listens on loopback's discard port: a sign-in sent there would fail.
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:TokenUrl"] = "http://127.0.0.1:9/oauth/token",
            ["Eggplant:ClientId"] = "dashboard",
            ["Eggplant:ClientSecret"] = RealPassword,
        });

        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "the simulator is polled");

        Assert.Contains(host.Logs.Lines, l => l.Contains("Eggplant:TokenUrl, Eggplant:ClientId, Eggplant:ClientSecret are set but Eggplant:BaseUrl is not", StringComparison.Ordinal));
        Assert.DoesNotContain(RealPassword, host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulator_NoCredentialsConfigured_SaysNothingAboutIgnoredOnes()
    {
        await using var host = await SutWebHost.StartAsync();

        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "the simulator is polled");

        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("are set but Eggplant:BaseUrl is not", StringComparison.Ordinal)
            || l.Contains("is set but Eggplant:BaseUrl is not", StringComparison.Ordinal));
    }
}
