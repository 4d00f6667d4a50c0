using SutWeb.Components.Styling;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Components;

/// <summary>Whose data is stale: each source by its own health and interval; a single source is the whole board.</summary>
public sealed class StaleSourcesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_SeveralSources_NamesOnlyThoseNotFreshByTheirOwnInterval()
    {
        var health = SourceHealths.Combine(
        [
            Source("default", UpstreamState.Healthy, ago: 7, interval: 15), // quiet, polled every 15 s: fresh
            Source("lab-a", UpstreamState.Healthy, ago: 7, interval: 2),    // over three intervals: stale
            Source("lab-b", UpstreamState.Unreachable, ago: 1, interval: 2),
            Source("lab-c", UpstreamState.Starting, ago: null, interval: null), // nothing shown yet: nothing stale
        ]);

        var stale = StaleSources.Of(health, Now);

        Assert.False(stale.Everything);
        Assert.Equal(["lab-a", "lab-b"], stale.Ids);
        Assert.True(stale.Covers(new AgentView { Key = "lab-b/x", AgentName = "x", Source = "lab-b" }));
        Assert.False(stale.Covers(new AgentView { Key = "x", AgentName = "x" }));
        Assert.Equal("Data from Lab B is stale", stale.Sentence(new AgentView { Key = "lab-b/x", AgentName = "x", Source = "lab-b" }));
        Assert.Equal(stale, StaleSources.Of(health, Now.AddMilliseconds(100)));
    }

    [Fact]
    public void Of_OneSource_IsTheWholeBoardOrNothing()
    {
        var fresh = new UpstreamHealth { State = UpstreamState.Healthy, LastSuccessAt = Now.AddSeconds(-2), PollIntervalSeconds = 2 };

        Assert.Same(StaleSources.None, StaleSources.Of(fresh, Now));
        Assert.Same(StaleSources.None, StaleSources.Of(UpstreamHealth.Starting, Now));
        var stale = StaleSources.Of(fresh, Now.AddSeconds(5));
        Assert.True(stale.Everything);
        Assert.True(stale.Covers(new AgentView { Key = "x", AgentName = "x" }));
        Assert.Equal("Data is stale", stale.Sentence(new AgentView { Key = "x", AgentName = "x" }));
    }

    private static SourceHealth Source(string id, UpstreamState state, int? ago, double? interval) => new()
    {
        Source = id,
        SourceName = id == "lab-b" ? "Lab B" : id,
        State = state,
        LastSuccessAt = ago is { } seconds ? Now.AddSeconds(-seconds) : null,
        PollIntervalSeconds = interval,
    };
}
