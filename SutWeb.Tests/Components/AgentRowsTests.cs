using SutWeb.Components.Agents;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>One viewer's memory of the rows, without rendering: change detection, departures, outcomes.</summary>
public sealed class AgentRowsTests
{
    private static readonly DateTimeOffset Now = DashboardTestContext.Start;
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);

    [Fact]
    public void Apply_SameAgentsAgain_ChangesNothingAndKeepsTheSameModels()
    {
        var rows = new AgentRows();
        AgentView[] agents = [Agent("a", AgentState.Running), Agent("b", AgentState.Idle)];
        rows.Apply(agents, null, Now);
        var models = rows.All.ToList();

        var changed = rows.Apply([.. agents.Select(a => a with { })], null, Now.AddSeconds(2));

        Assert.False(changed);
        Assert.All(models, model => Assert.Same(model, rows.Find(model.Key)));
    }

    [Fact]
    public void Apply_FirstPicture_DoesNotFlashButLaterChangesDo()
    {
        var rows = new AgentRows();
        rows.Apply([Agent("a", AgentState.Running)], null, Now);
        Assert.Equal(0, rows.Find("a:5400")!.FlashGeneration);

        rows.Apply([Agent("a", AgentState.Passed)], new HashSet<string> { "a:5400" }, Now);

        Assert.Equal(1, rows.Find("a:5400")!.FlashGeneration);
    }

    [Fact]
    public void Apply_AgentGone_IsKeptAsDisconnectedUntilTheRetentionEnds()
    {
        var rows = new AgentRows();
        rows.Apply([Agent("a"), Agent("b")], null, Now);

        rows.Apply([Agent("a")], new HashSet<string> { "b:5400" }, Now);

        Assert.Equal(Now, rows.Find("b:5400")!.DisconnectedAt);
        Assert.Equal(Now + Retention, rows.NextDeparture(Retention));
        Assert.False(rows.RemoveDeparted(Now + Retention - TimeSpan.FromTicks(1), Retention));
        Assert.True(rows.RemoveDeparted(Now + Retention, Retention));
        Assert.Null(rows.Find("b:5400"));
        Assert.Null(rows.NextDeparture(Retention));
    }

    [Fact]
    public void Apply_Resynchronisation_FindsDeparturesWithoutChangedKeys()
    {
        var rows = new AgentRows();
        rows.Apply([Agent("a"), Agent("b")], null, Now);

        rows.Apply([Agent("a")], null, Now);

        Assert.True(rows.Find("b:5400")!.IsDisconnected);
        Assert.False(rows.Find("a:5400")!.IsDisconnected);
    }

    [Fact]
    public void Apply_RunAfterAnOutcome_RemembersThePreviousOutcomeWhileRunning()
    {
        var rows = new AgentRows();
        rows.Apply([Agent("a", AgentState.Incomplete)], null, Now);
        Assert.Null(rows.Find("a:5400")!.PreviousOutcome);

        rows.Apply([Agent("a", AgentState.Running)], null, Now);
        Assert.Equal(AgentState.Incomplete, rows.Find("a:5400")!.PreviousOutcome);

        rows.Apply([Agent("a", AgentState.Idle)], null, Now);
        Assert.Null(rows.Find("a:5400")!.PreviousOutcome);

        rows.Apply([Agent("a", AgentState.Running)], null, Now);
        Assert.Equal(AgentState.Incomplete, rows.Find("a:5400")!.PreviousOutcome);
    }

    [Fact]
    public void ToggleExpanded_SurvivesChangesToTheAgent()
    {
        var rows = new AgentRows();
        rows.Apply([Agent("a", AgentState.Running)], null, Now);

        Assert.True(rows.ToggleExpanded("a:5400"));
        rows.Apply([Agent("a", AgentState.Failed)], null, Now);

        Assert.True(rows.Find("a:5400")!.Expanded);
        Assert.False(rows.ToggleExpanded("missing"));
    }

    [Fact]
    public void RemoveDeparted_ThousandDeparturesOverACapOf200_KeepsTheNewest200AndEveryConnectedRow()
    {
        var rows = new AgentRows();
        AgentView[] agents = [.. Enumerable.Range(0, 1_010).Select(i => Agent($"agent-{i:D4}"))];
        rows.Apply(agents, null, Now);
        for (var i = 0; i < 1_000; i++)
        {
            rows.Apply(agents[(i + 1)..], new HashSet<string> { agents[i].Key }, Now.AddSeconds(i));
        }

        var removed = rows.RemoveDeparted(Now.AddSeconds(1_000), Retention, maxDeparted: 200);

        Assert.True(removed);
        var departed = rows.All.Where(r => r.IsDisconnected).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([.. Enumerable.Range(800, 200).Select(i => $"agent-{i:D4}:5400")], departed);
        Assert.Equal(10, rows.All.Count(r => !r.IsDisconnected));
    }
}
