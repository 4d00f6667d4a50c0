using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Telemetry;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AfterPollsAndAHubClient_ExposesThemForPrometheus()
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?> { ["Eggplant:RetryCount"] = "0" });
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "healthy");
        // The simulator's random activity connects and disconnects agents; stopped, the count on the board holds still.
        await host.SetActivityAsync(false);
        await using var probe = await HubProbe.ConnectAsync(host.BaseAddress);
        await host.SetFaultAsync("http500");
        await Eventually.UntilAsync(() => host.Board.Current.Health.State != UpstreamState.Healthy, "a failed poll");

        string metrics = "";
        await Eventually.UntilAsync(async () =>
        {
            metrics = await host.Http.GetStringAsync("/metrics");
            return metrics.Contains("sutweb_poll_failures", StringComparison.Ordinal);
        }, "the failure is exported");

        var agents = host.Board.Current.Agents.Count;
        Assert.Matches($@"sutweb_agents(_ratio)?\{{[^}}]*\}} {agents}\b|sutweb_agents(_ratio)? {agents}\b", metrics);
        Assert.Contains("sutweb_poll_duration_seconds_bucket", metrics);
        Assert.Contains("kind=\"HttpError\"", metrics);
        Assert.Matches(@"sutweb_hub_clients\S* 1\b", metrics);
    }
}
