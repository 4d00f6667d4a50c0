using System.Globalization;
using System.Text.RegularExpressions;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Telemetry;

[Collection(MetricsCollection.Name)]
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

    [Fact]
    public async Task PollDuration_OfPollsTakingAbout30Ms_LandsInSecondScaleBucketsAboveTheFirst()
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?> { ["Eggplant:RetryCount"] = "0" });
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "healthy");
        await host.SetFaultAsync("slow", delayMs: 30);

        // Polls before the delay may be faster than 25 ms; wait for a few that are not.
        string metrics = "";
        await Eventually.UntilAsync(async () =>
        {
            metrics = await host.Http.GetStringAsync("/metrics");
            return SuccessfulPolls(metrics, "+Inf") - SuccessfulPolls(metrics, "0.025") >= 3;
        }, "three polls slower than 25 ms are exported");

        var bounds = Regex.Matches(metrics, @"sutweb_poll_duration_seconds_bucket\{[^}]*outcome=""success""[^}]*le=""([^""]+)""")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1", "2.5", "5", "7.5", "10", "+Inf"], bounds);
        Assert.True(SuccessfulPolls(metrics, "0.005") < SuccessfulPolls(metrics, "+Inf"), "not every poll is in the first bucket");
        Assert.Equal(SuccessfulPolls(metrics, "+Inf"), SuccessfulPolls(metrics, "10"));
    }

    [Fact]
    public async Task UpstreamCircuitOpen_WhenTheBreakerOpens_TurnsFromZeroToOne()
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:RetryCount"] = "0",
            ["Eggplant:CircuitBreakerFailures"] = "1",
            ["Eggplant:CircuitBreakDuration"] = "00:05:00",
        });
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "healthy");
        var closed = await host.Http.GetStringAsync("/metrics");

        await host.SetFaultAsync("http500");
        string open = "";
        await Eventually.UntilAsync(async () =>
        {
            open = await host.Http.GetStringAsync("/metrics");
            return Regex.IsMatch(open, @"^sutweb_upstream_circuit_open(\{[^}]*\})? 1\b", RegexOptions.Multiline);
        }, "the open circuit breaker is exported");

        Assert.Matches(new Regex(@"^sutweb_upstream_circuit_open(\{[^}]*\})? 0\b", RegexOptions.Multiline), closed);
        // Blazor's circuits (open pages) are ASP.NET Core's aspnetcore_components_circuit_*, never a SutWeb "circuits" metric.
        Assert.DoesNotContain("circuits_open", open);
    }

    [Fact]
    public async Task Readme_MetricsTable_DocumentsEverySutWebMetricExported()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find()!, "README.md"));
        var documented = Regex.Matches(readme, @"^\| `(sutweb_[a-z_]+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?> { ["Eggplant:RetryCount"] = "0" });
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "healthy");
        await host.SetFaultAsync("http500");

        string metrics = "";
        await Eventually.UntilAsync(async () =>
        {
            metrics = await host.Http.GetStringAsync("/metrics");
            return metrics.Contains("sutweb_poll_failures", StringComparison.Ordinal);
        }, "the failure is exported");
        var exported = Regex.Matches(metrics, @"^# TYPE (sutweb_[a-z_]+) ", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.True(exported.Count >= 6, metrics);
        Assert.Subset(documented, exported);
    }

    /// <summary>The cumulative count of successful polls up to the bucket bound <paramref name="le"/>; 0 before any.</summary>
    private static long SuccessfulPolls(string metrics, string le)
    {
        var match = Regex.Match(metrics, $@"^sutweb_poll_duration_seconds_bucket\{{[^}}]*outcome=""success""[^}}]*le=""{Regex.Escape(le)}""[^}}]*\}} (\d+)", RegexOptions.Multiline);
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }
}
