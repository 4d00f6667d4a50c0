using System.Text.Json;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Shared;

/// <summary>The board's health from its sources': worst state, oldest good poll, the failing source named.</summary>
public sealed class SourceHealthsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Combine_OneSourceFailing_TopLevelIsItsStateAndNamesIt()
    {
        var health = SourceHealths.Combine(
        [
            Healthy("default", "Simulator", Now),
            new SourceHealth
            {
                Source = "lab-a", SourceName = "Lab A", State = UpstreamState.Unreachable, LastSuccessAt = Now.AddMinutes(-5),
                LastError = "Cannot reach the Eggplant server.", ConsecutiveFailures = 9, Cause = UpstreamCause.Network, PollIntervalSeconds = 60,
            },
        ]);

        Assert.Equal(UpstreamState.Unreachable, health.State);
        Assert.Equal("Lab A: Cannot reach the Eggplant server.", health.LastError);
        Assert.Equal(Now.AddMinutes(-5), health.LastSuccessAt);
        Assert.Equal(UpstreamState.Healthy, health.Sources![0].State);
        Assert.True(UpstreamFreshness.IsFresh(health.Sources[0].AsUpstream(), Now.AddSeconds(1)));
    }

    [Fact]
    public void Combine_AllHealthy_IsHealthyWithTheOldestGoodPoll()
    {
        var health = SourceHealths.Combine([Healthy("default", "A", Now), Healthy("lab-a", "B", Now.AddSeconds(-10))]);

        Assert.Equal(UpstreamState.Healthy, health.State);
        Assert.Equal(Now.AddSeconds(-10), health.LastSuccessAt);
        Assert.Null(health.LastError);
    }

    [Fact]
    public void Combine_OneSourceNeverPolled_LastGoodPollIsNever()
    {
        var health = SourceHealths.Combine([Healthy("default", "A", Now), new SourceHealth { Source = "lab-a", SourceName = "B", State = UpstreamState.Starting }]);

        Assert.Equal(UpstreamState.Starting, health.State);
        Assert.Null(health.LastSuccessAt);
    }

    [Fact]
    public void Equals_SameSourcesInNewLists_IsEqualSoNothingIsPushedAgain()
    {
        var first = SourceHealths.Combine([Healthy("default", "A", Now), Healthy("lab-a", "B", Now)]);
        var second = SourceHealths.Combine([Healthy("default", "A", Now), Healthy("lab-a", "B", Now)]);

        Assert.Equal(first, second);
        Assert.NotEqual(first, SourceHealths.Combine([Healthy("default", "A", Now), Healthy("lab-a", "B", Now.AddSeconds(2))]));
    }

    [Fact]
    public void Serialize_CombinedHealth_HasSourcesWithContractNames()
    {
        var json = JsonSerializer.SerializeToElement(SourceHealths.Combine([Healthy("lab-a", "Lab A", Now)]), JsonSerializerOptions.Web);

        var source = json.GetProperty("sources")[0];
        Assert.Equal("lab-a", source.GetProperty("source").GetString());
        Assert.Equal("Lab A", source.GetProperty("sourceName").GetString());
        Assert.Equal(2, source.GetProperty("pollInterval").GetDouble());
        Assert.Equal("Healthy", source.GetProperty("state").GetString());
    }

    private static SourceHealth Healthy(string source, string name, DateTimeOffset at) => new()
    {
        Source = source, SourceName = name, State = UpstreamState.Healthy, LastSuccessAt = at, PollIntervalSeconds = 2,
    };
}
