using SutWeb.Shared.Views;

namespace SutWeb.Tests.Shared;

/// <summary>The one staleness rule: three poll intervals of the interval in force, whatever the settings say.</summary>
public sealed class UpstreamFreshnessTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(UpstreamState.Healthy, 2.0, 6.0, true)]
    [InlineData(UpstreamState.Healthy, 2.0, 6.5, false)]
    [InlineData(UpstreamState.Healthy, 15.0, 40.0, true)] // an idle pace of 15 s: 40 s old is still fresh
    [InlineData(UpstreamState.Healthy, 15.0, 46.0, false)]
    [InlineData(UpstreamState.Healthy, null, 0.0, false)] // the poller has not said its interval
    [InlineData(UpstreamState.Degraded, 2.0, 1.0, false)]
    [InlineData(UpstreamState.Starting, null, 0.0, false)]
    public void IsFresh_AgeAgainstTheIntervalInForce_IsFreshWithinThreeIntervals(UpstreamState state, double? intervalSeconds, double ageSeconds, bool fresh)
    {
        var health = new UpstreamHealth { State = state, LastSuccessAt = Now.AddSeconds(-ageSeconds), PollIntervalSeconds = intervalSeconds };

        Assert.Equal(fresh, UpstreamFreshness.IsFresh(health, Now));
    }
}
