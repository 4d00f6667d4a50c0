using SutWeb.Shared.Views;
using SutWeb.Simulator;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Monitoring;

/// <summary>
/// Two simulators with the same agent names on one board (<c>Simulator:Instances</c>): both live through their own
/// control APIs, and every simulator fault kind in one of them leaves the other healthy and live.
/// </summary>
public sealed class SimulatorSourcesTests(TwoSimulatorsFixture fixture) : IClassFixture<TwoSimulatorsFixture>
{
    private const string LabB = TwoSimulatorsFixture.Instance;

    private SutWebHost Host => fixture.Host;

    /// <summary>Every fault kind the simulator has, by its control API name; a new kind is covered without a change here.</summary>
    public static TheoryData<string> FaultKinds()
    {
        var kinds = new TheoryData<string>();
        foreach (var kind in Enum.GetValues<SimulatorFaultKind>().Where(k => k != SimulatorFaultKind.None))
        {
            kinds.Add(new SimulatorFault(kind, TimeSpan.Zero).ToSetting().Kind!);
        }
        return kinds;
    }

    [Fact]
    public async Task Board_TwoSimulatorsSameAgentNames_ShowsEveryAgentOnceWithDistinctKeys()
    {
        await fixture.ResetAsync();
        var names = (await fixture.Default.AgentsAsync()).Select(a => (string)a!["agent_name"]!).Order().ToList();
        var agents = Host.Board.Current.Agents;

        Assert.Equal(names, (await fixture.LabB.AgentsAsync()).Select(a => (string)a!["agent_name"]!).Order());
        Assert.Equal(2 * names.Count, agents.Select(a => a.Key).Distinct().Count());
        Assert.All(names, name =>
        {
            Assert.Single(agents, a => a.AgentName == name && a.Source == "default" && !a.Key.Contains('/', StringComparison.Ordinal));
            Assert.Single(agents, a => a.AgentName == name && a.Source == LabB && a.Key.StartsWith($"{LabB}/", StringComparison.Ordinal));
        });
        Assert.Equal(["default", LabB], Host.Board.Current.Health.Sources!.Select(s => s.Source).Order());
    }

    [Fact]
    public async Task Board_ChangeThroughEachInstancesControlApi_ReachesTheBoardAndAHubClientUnderThatSource()
    {
        await fixture.ResetAsync();
        await using var probe = await HubProbe.ConnectAsync(Host.BaseAddress);

        await fixture.Default.PutAgentAsync("only-on-default", TwoSimulatorsFixture.Agent("only-on-default"));
        await fixture.LabB.PutAgentAsync("only-on-lab-b", TwoSimulatorsFixture.Agent("only-on-lab-b"));
        var name = (string)(await fixture.LabB.AgentsAsync())[0]!["agent_name"]!;
        await fixture.LabB.DeleteAgentAsync(name);

        // A client of the first release reads no source: it applies diffs by key and version, and must converge.
        await Eventually.UntilAsync(
            () => probe.State?.Agents.Select(a => a.Key).ToList() is { } held
                && held.Contains("only-on-default:5400")
                && held.Contains($"{LabB}/only-on-lab-b:5400")
                && !held.Any(k => k.StartsWith($"{LabB}/{name}:", StringComparison.Ordinal))
                && held.Order().SequenceEqual(Host.Board.Current.Agents.Select(a => a.Key).Order()),
            "the hub client holds the board's agents, with the changes made on both simulators");
        var keys = probe.State!.Agents.Select(a => a.Key).ToList();
        Assert.DoesNotContain($"{LabB}/only-on-default:5400", keys);
        Assert.DoesNotContain("only-on-lab-b:5400", keys);
        Assert.Contains(keys, k => k.StartsWith($"{name}:", StringComparison.Ordinal)); // default's agent of that name stays
    }

    [Theory]
    [MemberData(nameof(FaultKinds))]
    public async Task Board_FaultInOneSimulator_OtherStaysHealthyAndLiveAndTheFaultedOneRecovers(string kind)
    {
        await fixture.ResetAsync();
        await using var probe = await HubProbe.ConnectAsync(Host.BaseAddress);
        var labBAgents = Host.Board.Current.Agents.Where(a => a.Source == LabB).Select(a => a.Key).ToList();

        // "slow" past the request timeout (2 s), so that it fails as the others do.
        await fixture.LabB.SetFaultAsync(kind, delayMs: 10_000);
        await Eventually.UntilAsync(() => Host.Board.SourceHealth(LabB).State != UpstreamState.Healthy, $"{LabB} is seen failing ({kind})");
        var during = $"during-{kind}";
        await fixture.Default.PutAgentAsync(during, TwoSimulatorsFixture.Agent(during));
        await Eventually.UntilAsync(() => Host.Board.Current.Agents.Any(a => a.Key == $"{during}:5400"), "a change on default arrives");

        Assert.NotEqual(UpstreamState.Healthy, Host.Board.SourceHealth(LabB).State);
        Assert.Equal(UpstreamState.Healthy, Host.Board.SourceHealth("default").State);
        Assert.Equal(labBAgents, Host.Board.Current.Agents.Where(a => a.Source == LabB).Select(a => a.Key)); // kept while it fails
        Assert.StartsWith($"{LabB}: ", Host.Board.Current.Health.LastError, StringComparison.Ordinal);
        Assert.All(probe.Healths, health => Assert.Equal(UpstreamState.Healthy, health.Sources!.Single(s => s.Source == "default").State));

        await fixture.LabB.SetFaultAsync("none");
        var after = $"after-{kind}";
        await fixture.LabB.PutAgentAsync(after, TwoSimulatorsFixture.Agent(after));
        await Eventually.UntilAsync(
            () => Host.Board.SourceHealth(LabB).State == UpstreamState.Healthy
                && Host.Board.Current.Agents.Any(a => a.Key == $"{LabB}/{after}:5400"),
            $"{LabB} is back, with the change made after the fault");
        Assert.Equal(UpstreamState.Healthy, Host.Board.Current.Health.State);
        Assert.All(probe.Healths, health => Assert.Equal(UpstreamState.Healthy, health.Sources!.Single(s => s.Source == "default").State));
    }
}
