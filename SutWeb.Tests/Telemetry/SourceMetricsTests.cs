using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Telemetry;

/// <summary><c>/metrics</c> with two sources: every poll metric tells them apart by the label <c>source</c>.</summary>
[Collection(MetricsCollection.Name)]
public sealed class SourceMetricsTests
{
    private static readonly byte[] Agents = Encoding.UTF8.GetBytes("""[{"agent_name":"mac","port":5400,"process_id":1}]""");

    [Fact]
    public async Task Metrics_SecondSourceFails_ReportsPollsFailuresIntervalAgeAndCircuitBySource()
    {
        await using var servers = await TwoScriptedSources.StartAsync(Agents, displayName: null);
        await using var host = await SutWebHost.StartAsync(servers.Settings(new()
        {
            ["Eggplant:Sources:lab-a:PollInterval"] = "00:00:00.500",
            ["Eggplant:Sources:lab-a:CircuitBreakerFailures"] = "1",
            ["Eggplant:Sources:lab-a:CircuitBreakDuration"] = "00:05:00",
            ["Eggplant:RetryCount"] = "0",
        }));
        await Eventually.UntilAsync(() => host.Board.Current.Health is { State: UpstreamState.Healthy, Sources.Count: 2 }, "both sources healthy");

        servers.Second.AnswerStatus([], HttpStatusCode.InternalServerError);
        string metrics = "";
        await Eventually.UntilAsync(async () =>
        {
            metrics = await host.Http.GetStringAsync("/metrics");
            return Line(metrics, "sutweb_upstream_circuit_open", "lab-a") is { } open && open.EndsWith(" 1", StringComparison.Ordinal);
        }, "lab-a's open circuit is exported");

        Assert.Matches(@" 0$", Line(metrics, "sutweb_upstream_circuit_open", "default"));
        Assert.Matches(@"kind=""HttpError""", Line(metrics, "sutweb_poll_failures_total", "lab-a"));
        Assert.Null(Line(metrics, "sutweb_poll_failures_total", "default"));
        Assert.Matches(@"outcome=""success""", Line(metrics, "sutweb_poll_duration_seconds_count", "default"));
        Assert.Matches(@" 0\.25$", Line(metrics, "sutweb_poll_interval_seconds", "default"));
        // Its own interval, or longer once its failures back off.
        Assert.InRange(Value(Line(metrics, "sutweb_poll_interval_seconds", "lab-a")), 0.5, 60);
        Assert.NotNull(Line(metrics, "sutweb_upstream_last_success_age_seconds", "default"));
        Assert.NotNull(Line(metrics, "sutweb_upstream_last_success_age_seconds", "lab-a"));
    }

    private static double Value(string? line)
    {
        Assert.NotNull(line);
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The first sample line of <paramref name="metric"/> labelled with <paramref name="source"/>, without its timestamp; null if none.</summary>
    private static string? Line(string metrics, string metric, string source)
    {
        var match = Regex.Match(metrics, $@"^{metric}\{{[^}}]*source=""{source}""[^}}]*\}} [^ \n]+", RegexOptions.Multiline);
        return match.Success ? match.Value : null;
    }
}
