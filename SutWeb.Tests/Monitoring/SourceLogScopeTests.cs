using System.Net;
using System.Text;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Monitoring;

/// <summary>Each poller's log lines carry its source's id as a structured field; the source default's read as before.</summary>
public sealed class SourceLogScopeTests
{
    private static readonly byte[] Agents = Encoding.UTF8.GetBytes("""[{"agent_name":"mac","port":5400,"process_id":1}]""");

    [Fact]
    public async Task PollerLog_TwoSources_EveryLineCarriesItsSourceAndNamesIt()
    {
        await using var servers = await TwoScriptedSources.StartAsync(Agents);
        await using var host = await SutWebHost.StartAsync(servers.Settings(new() { ["Eggplant:RetryCount"] = "0" }));
        await Eventually.UntilAsync(() => host.Board.Current.Health is { State: UpstreamState.Healthy, Sources.Count: 2 }, "both sources healthy");
        servers.Second.AnswerAuth(HttpStatusCode.Unauthorized, "{}");
        servers.Second.AnswerStatus([], HttpStatusCode.Unauthorized);
        await Eventually.UntilAsync(
            () => host.Logs.Lines.Any(l => l.Contains("refused the sign-in", StringComparison.Ordinal)),
            "lab-a's refused sign-in is logged");

        var pollerLines = host.Logs.Lines.Where(l => l.Contains("SutWeb.Monitoring.StatusPoller:", StringComparison.Ordinal)).ToList();
        var labA = new Uri(servers.Second.BaseUrl).Authority;
        var defaultConnected = Assert.Single(pollerLines, l => l.Contains("Connected to", StringComparison.Ordinal) && l.Contains("Source=default", StringComparison.Ordinal));
        // Each counts its own agents, whichever source answered first.
        Assert.Contains($"Connected to the Eggplant server at {new Uri(servers.First.BaseUrl).Authority}: 1 agent connections", defaultConnected);
        Assert.Contains(pollerLines, l => l.Contains($"Connected to the Eggplant server at {labA} (source lab-a): 1 agent connections", StringComparison.Ordinal)
            && l.Contains("Source=lab-a", StringComparison.Ordinal));
        Assert.All(pollerLines, l => Assert.Matches(@"scope: Source=(default|lab-a)\b", l));
        Assert.All(pollerLines.Where(l => l.Contains("(source lab-a)", StringComparison.Ordinal)), l => Assert.Contains("Source=lab-a", l));
        // Logged during lab-a's poll by the sign-in's back-off, which knows nothing of pollers: the scope still says whose.
        var refused = Assert.Single(host.Logs.Lines, l => l.Contains("refused the sign-in", StringComparison.Ordinal));
        Assert.Contains("The Eggplant server of Lab A refused the sign-in (1 in a row)", refused);
        Assert.Contains("Source=lab-a", refused);
    }
}
