using Microsoft.Extensions.Time.Testing;
using SutWeb.Components;
using SutWeb.Components.Agents;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>The desk's logic without a renderer: what it shows, in which order, what it counts, and when departed agents go.</summary>
public sealed class DeskViewTests : IDisposable
{
    private static readonly UpstreamHealth Healthy = new() { State = UpstreamState.Healthy };

    private readonly FakeTimeProvider _clock = new(DashboardTestContext.Start);
    private readonly DeskView _desk;
    private long _version;

    public DeskViewTests() =>
        _desk = new DeskView(_clock, new DashboardOptions { DisconnectedRetention = TimeSpan.FromMinutes(5) }, action =>
        {
            action();
            return Task.CompletedTask;
        });

    public void Dispose() => _desk.Dispose();

    [Fact]
    public void Apply_FirstPoll_ShowsFailuresFirstAndCountsTheStates()
    {
        var changed = Poll(Agent("b", AgentState.Idle), Agent("c", AgentState.Failed), Agent("a", AgentState.Running), Agent("d", AgentState.Failed));

        Assert.True(changed);
        Assert.Equal(["c:5400", "d:5400", "a:5400", "b:5400"], _desk.Shown.Select(r => r.Key));
        Assert.Equal(2, _desk.StateCounts[AgentState.Failed]);
        Assert.Equal("4 agents", _desk.ShownText);
        Assert.Equal("(2 failed) Agents · SutWeb", _desk.Title);
        Assert.False(_desk.Waiting);
    }

    [Fact]
    public void Apply_BeforeAnyPoll_IsWaitingUntilOneAnswers()
    {
        Assert.True(_desk.Apply(new StatusSnapshot { Health = Healthy, Agents = [] }, changedKeys: null));
        Assert.True(_desk.Waiting);

        Poll();

        Assert.False(_desk.Waiting);
        Assert.Equal("0 agents", _desk.ShownText);
        Assert.Equal("Agents · SutWeb", _desk.Title);
    }

    [Fact]
    public void Apply_OnlyHealthChanged_ShowsNothingNew()
    {
        var agents = new[] { Agent("a", AgentState.Idle) };
        Poll(agents);

        var changed = _desk.Apply(new StatusSnapshot { Version = _version, Health = Healthy, Agents = agents }, changedKeys: new HashSet<string>());

        Assert.False(changed);
    }

    [Fact]
    public void SetQuery_StateFilter_ShowsTheMatchesOutOfAll()
    {
        Poll(Agent("a", AgentState.Idle), Agent("b", AgentState.Failed), Agent("c", AgentState.Running));

        _desk.SetQuery(AgentQuery.Everything.WithStates([AgentState.Failed, AgentState.Running]).SortedBy(AgentSortColumn.Name));

        Assert.Equal(["b:5400", "c:5400"], _desk.Shown.Select(r => r.Key));
        Assert.Equal("2 of 3 agents", _desk.ShownText);
    }

    [Fact]
    public void ToggleExpanded_KnownAgent_OpensItsRowAndUnknownChangesNothing()
    {
        Poll(Agent("a", AgentState.Idle));

        Assert.False(_desk.ToggleExpanded("gone:5400"));
        Assert.True(_desk.ToggleExpanded("a:5400"));

        Assert.True(_desk.Shown.Single().Expanded);
    }

    [Fact]
    public void Departure_RetentionPasses_RowGoesOnItsOwnAndSaysSo()
    {
        Poll(Agent("a", AgentState.Idle), Agent("b", AgentState.Idle));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Poll(Agent("a", AgentState.Idle));
        var changes = 0;
        _desk.Changed += () => changes++;
        Assert.True(_desk.Shown.Single(r => r.Key == "b:5400").IsDisconnected);

        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, changes);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, changes);
        Assert.Equal(["a:5400"], _desk.Shown.Select(r => r.Key));
    }

    [Fact]
    public void Dispose_DepartureDueAfterwards_ChangesNothing()
    {
        Poll(Agent("a", AgentState.Idle));
        Poll();
        var changes = 0;
        _desk.Changed += () => changes++;

        _desk.Dispose();
        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(0, changes);
    }

    [Fact]
    public void Apply_HealthAloneBringsASecondSource_ChangesTheViewAndGroups()
    {
        var agents = new[] { Agent("a", AgentState.Idle).From("default", "Lab A"), Agent("a", AgentState.Failed).From("lab-b", "Lab B") };
        Poll(agents);
        _desk.SetQuery(AgentQuery.Everything.WithGroupBySource(true));
        Assert.False(_desk.SeveralSources);
        Assert.Null(_desk.Lines);

        var health = Healthy with
        {
            Sources = [SourceHealth.From("lab-b", "Lab B", Healthy), SourceHealth.From("default", "Lab A", Healthy)],
        };
        var changed = _desk.Apply(
            new StatusSnapshot { Version = _version, Health = health, Agents = [.. agents.OrderBy(a => a.Key, StringComparer.Ordinal)] },
            changedKeys: new HashSet<string>());

        Assert.True(changed);
        Assert.Equal(["default", "lab-b"], _desk.Sources.Select(s => s.Source));
        Assert.Equal(["Lab A", "a:5400", "Lab B", "lab-b/a:5400"], _desk.Lines!.Select(l => l.Group?.Name ?? l.Row!.Key));
        Assert.Equal(1, _desk.Lines![2].Group!.Counts[AgentState.Failed]);
    }

    private bool Poll(params AgentView[] agents) => _desk.Apply(
        new StatusSnapshot { Version = ++_version, Health = Healthy, Agents = [.. agents.OrderBy(a => a.Key, StringComparer.Ordinal)] },
        changedKeys: null);
}
