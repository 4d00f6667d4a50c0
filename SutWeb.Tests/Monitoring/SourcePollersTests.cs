using System.Net;
using System.Text;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Monitoring;

/// <summary>Two Eggplant servers with the same agent names on one board, each polled by its own poller.</summary>
public sealed class SourcePollersTests
{
    private static readonly byte[] SameAgents =
        Encoding.UTF8.GetBytes("""[{"agent_name":"mac","port":5400,"process_id":1},{"agent_name":"win","port":5400,"process_id":2}]""");

    [Fact]
    public async Task Board_TwoServersSameAgentNames_ShowsBothWithDistinctKeysAndSources()
    {
        await using var servers = await TwoScriptedSources.StartAsync(SameAgents);
        await using var host = await SutWebHost.StartAsync(servers.Settings());

        await Eventually.UntilAsync(() => host.Board.Current.Agents.Count == 4, "both sources' agents are on the board");

        Assert.Equal(["lab-a/mac:5400", "lab-a/win:5400", "mac:5400", "win:5400"], host.Board.Current.Agents.Select(a => a.Key));
        Assert.Equal(["lab-a", "lab-a", "default", "default"], host.Board.Current.Agents.Select(a => a.Source));
        Assert.Equal("Lab A", host.Board.Current.Agents[0].SourceName);
        await Eventually.UntilAsync(() => host.Board.Current.Health is { State: UpstreamState.Healthy, Sources.Count: 2 },
            "both sources report healthy");
    }

    [Fact]
    public async Task Board_SecondServerFails_FirstStaysHealthyAndKeepsItsAgents()
    {
        await using var servers = await TwoScriptedSources.StartAsync(SameAgents);
        await using var host = await SutWebHost.StartAsync(servers.Settings());
        await Eventually.UntilAsync(() => host.Board.Current.Agents.Count == 4, "both sources' agents are on the board");

        servers.Second.AnswerStatus([], HttpStatusCode.ServiceUnavailable);

        await Eventually.UntilAsync(() => host.Board.SourceHealth("lab-a").State is UpstreamState.Degraded or UpstreamState.Unreachable,
            "the failing source reports its failure");
        var health = host.Board.Current.Health;
        var own = Assert.Single(health.Sources!, s => s.Source == "default");
        Assert.Equal(UpstreamState.Healthy, own.State);
        Assert.NotEqual(UpstreamState.Healthy, health.State);
        Assert.StartsWith("Lab A: ", health.LastError, StringComparison.Ordinal);
        Assert.True(UpstreamFreshness.IsFresh(host.Board.SourceHealth("default"), DateTimeOffset.UtcNow));
        Assert.Equal(4, host.Board.Current.Agents.Count);
    }

    [Fact]
    public async Task Hub_ClientApplyingDiffsByKey_ConvergesWithBothSources()
    {
        await using var servers = await TwoScriptedSources.StartAsync(SameAgents);
        await using var host = await SutWebHost.StartAsync(servers.Settings());
        await using var probe = await HubProbe.ConnectAsync(host.BaseAddress);

        // A first-release client knows nothing of sources: it applies diffs by key and version.
        servers.Second.AnswerStatus(Encoding.UTF8.GetBytes("""[{"agent_name":"mac","port":5400,"process_id":1,"execution_status":{"status":"RUNNING"}}]"""));
        servers.First.AnswerStatus(Encoding.UTF8.GetBytes("""[{"agent_name":"win","port":5400,"process_id":2}]"""));

        await Eventually.UntilAsync(
            () => probe.State?.Agents.Select(a => a.Key).SequenceEqual(["lab-a/mac:5400", "win:5400"]) == true,
            "the hub client holds both sources' agents after their diffs");
        Assert.Equal(
            host.Board.Current.Agents.Select(a => (a.Key, a.State)),
            probe.State!.Agents.Select(a => (a.Key, a.State)));
        Assert.Equal(AgentState.Running, probe.State.Agents[0].State);
    }

    [Fact]
    public async Task Board_OnlyConfiguredSources_ShowsNoSimulatorAgents()
    {
        await using var second = await ScriptedEggplantServer.StartAsync();
        second.AnswerStatus(SameAgents);
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:Sources:lab-a:BaseUrl"] = second.BaseUrl,
            ["Eggplant:Sources:lab-a:Username"] = "second",
            ["Eggplant:Sources:lab-a:Password"] = "second-secret",
        });

        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "lab-a answers");

        Assert.Equal(["lab-a/mac:5400", "lab-a/win:5400"], host.Board.Current.Agents.Select(a => a.Key));
        Assert.Equal("lab-a", Assert.Single(host.Board.Current.Health.Sources!).Source);
    }
}
