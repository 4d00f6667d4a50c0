using SutWeb.Monitoring;
using SutWeb.Shared.Diffing;
using SutWeb.Shared.Mapping;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Monitoring;

/// <summary>Several sources on one board: each publishes its own agents, and its diff touches only its own keys.</summary>
public sealed class AgentBoardSourcesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PublishAgents_TwoSourcesSameAgentNames_BoardHoldsBothWithDistinctKeys()
    {
        var board = new AgentBoard();

        board.PublishAgents("default", [Agent("default", "mac", AgentState.Idle)], Now);
        board.PublishAgents("lab-a", [Agent("lab-a", "mac", AgentState.Running)], Now);

        Assert.Equal(["lab-a/mac:1", "mac:1"], board.Current.Agents.Select(a => a.Key));
        Assert.Equal([AgentState.Running, AgentState.Idle], board.Current.Agents.Select(a => a.State));
    }

    [Fact]
    public void PublishHealth_SourcesReportInAnyOrder_ListsDefaultFirstThenById()
    {
        var board = new AgentBoard();
        var healthy = new UpstreamHealth { State = UpstreamState.Healthy, LastSuccessAt = Now };

        board.PublishHealth("lab-b", "Lab B", healthy);
        board.PublishHealth("lab-a", "Lab A", healthy);
        board.PublishHealth("default", "Simulator", healthy);

        Assert.Equal(["default", "lab-a", "lab-b"], board.Current.Health.Sources!.Select(s => s.Source));
    }

    [Fact]
    public void PublishAgents_OneSourceEmpties_RemovesOnlyItsOwnAgents()
    {
        var board = new AgentBoard();
        board.PublishAgents("default", [Agent("default", "mac", AgentState.Idle)], Now);
        board.PublishAgents("lab-a", [Agent("lab-a", "mac", AgentState.Idle), Agent("lab-a", "win", AgentState.Idle)], Now);

        var diff = board.PublishAgents("lab-a", [], Now.AddSeconds(2));

        Assert.NotNull(diff);
        Assert.Equal(["lab-a/mac:1", "lab-a/win:1"], diff.Removed);
        Assert.Empty(diff.Upserted);
        Assert.Equal("mac:1", Assert.Single(board.Current.Agents).Key);
    }

    [Fact]
    public void PublishAgents_SourceUnchanged_MakesNoDiffWhateverTheOtherSourceHolds()
    {
        var board = new AgentBoard();
        board.PublishAgents("default", [Agent("default", "mac", AgentState.Idle)], Now);
        board.PublishAgents("lab-a", [Agent("lab-a", "mac", AgentState.Idle)], Now);
        var version = board.Current.Version;

        Assert.Null(board.PublishAgents("default", [Agent("default", "mac", AgentState.Idle)], Now.AddSeconds(2)));
        Assert.Equal(version, board.Current.Version);
    }

    [Fact]
    public void PublishAgents_ClientIgnoringSource_ConvergesByApplyingTheDiffs()
    {
        var board = new AgentBoard();
        using var subscription = board.Subscribe();
        var client = subscription.Initial;

        board.PublishAgents("default", [Agent("default", "mac", AgentState.Idle)], Now);
        board.PublishAgents("lab-a", [Agent("lab-a", "mac", AgentState.Running), Agent("lab-a", "zed", AgentState.Idle)], Now);
        board.PublishAgents("default", [Agent("default", "mac", AgentState.Failed)], Now.AddSeconds(2));
        board.PublishAgents("lab-a", [Agent("lab-a", "zed", AgentState.Passed)], Now.AddSeconds(2));

        // A first-release client: keys and states only, as it applies diffs by key.
        while (subscription.Updates.TryRead(out var update))
        {
            if (update.Diff is { } diff)
            {
                client = StatusDiffApplier.Apply(client, diff);
            }
        }
        Assert.Equal(
            board.Current.Agents.Select(a => (a.Key, a.State)),
            client.Agents.Select(a => (a.Key, a.State)));
        Assert.Equal(["lab-a/zed:1", "mac:1"], client.Agents.Select(a => a.Key));
    }

    private static AgentView Agent(string source, string name, AgentState state) => new()
    {
        Key = AgentKeys.For(source, name, 1),
        AgentName = name,
        Port = 1,
        State = state,
        Source = source,
        SourceName = source,
    };
}
