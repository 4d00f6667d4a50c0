using System.Net;
using System.Text;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Monitoring;

/// <summary>The log names the source it polls, so the simulator's made-up data is never taken for a server's.</summary>
public sealed class PollerUpstreamNameTests
{
    [Fact]
    public async Task Poller_SimulatorIsTheSource_LogSaysSimulatorNotEggplantServer()
    {
        await using var host = await SutWebHost.StartAsync();

        await Eventually.UntilAsync(() => host.Logs.Lines.Any(l => l.Contains("Connected to the embedded simulator: 5 agent connections", StringComparison.Ordinal)),
            "the first poll is logged");

        // What an operator reads (Information and up); the token provider's Debug line is not among it.
        Assert.DoesNotContain(host.Logs.Lines, l => !l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("Eggplant server", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poller_RealServer_LogNamesItsHost()
    {
        await using var eggplant = await SutWebHost.StartAsync();
        var server = new Uri(eggplant.BaseAddress, "simulator/");
        await using var dashboard = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:BaseUrl"] = server.ToString(),
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = "simulator",
        });

        await Eventually.UntilAsync(() => dashboard.Board.Current.Health.State == UpstreamState.Healthy, "the dashboard polls the other host");
        await Eventually.UntilAsync(() => dashboard.Logs.Lines.Any(l => l.Contains($"Connected to the Eggplant server at {server.Authority}", StringComparison.Ordinal)),
            "the first poll is logged");

        Assert.DoesNotContain(dashboard.Logs.Lines, l => l.Contains("embedded simulator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poller_FirstPollsFailThenOneAnswers_LogsConnectedNotHealthyAgain()
    {
        await using var server = await ScriptedEggplantServer.StartAsync();
        server.AnswerStatus([], HttpStatusCode.ServiceUnavailable);
        await using var dashboard = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:BaseUrl"] = server.BaseUrl,
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = "secret",
            ["Eggplant:RetryCount"] = "0",
        });
        await Eventually.UntilAsync(() => dashboard.Board.Current.Health.ConsecutiveFailures >= 1, "the first poll fails");

        server.AnswerStatus(Encoding.UTF8.GetBytes("""[{"agent_name":"mac","port":5400,"process_id":1}]"""));
        await Eventually.UntilAsync(() => dashboard.Board.Current.Health.State == UpstreamState.Healthy, "a poll answers");

        var authority = new Uri(server.BaseUrl).Authority;
        await Eventually.UntilAsync(() => dashboard.Logs.Lines.Any(l => l.Contains($"Connected to the Eggplant server at {authority}: 1 agent connections", StringComparison.Ordinal)),
            "the first good answer is logged as the connection");
        Assert.DoesNotContain(dashboard.Logs.Lines, l => l.Contains("healthy again", StringComparison.Ordinal));
    }
}
