using SutWeb.Bench.Reporting;
using SutWeb.Notifications;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// Issue 14's bench rows, each through the whole pipeline of a child host (poller, rules, outbox on SQLite, webhook
/// channel) to a receiver in this process: from a failure in the simulator to the webhook received
/// (<see cref="NotificationLatency"/>), and the messages a source of 1,000 agents going down and back sends
/// (<see cref="NotificationOutage"/>).
/// </summary>
public static class NotificationsScenario
{
    public const string Name = "notifications";
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(BenchOptions options, BenchReport report)
    {
        var folder = Directory.CreateTempSubdirectory("sutweb-bench-notifications-").FullName;
        try
        {
            var latency = await NotificationLatency.MeasureAsync(options.NotificationFailures, Path.Combine(folder, "latency"));
            var outages = await NotificationOutage.MeasureAsync(options.OutageAgents, Path.Combine(folder, "outage"));
            Judge(report, latency, outages);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Judge(BenchReport report, NotificationLatencyResult latency, List<NotificationOutageResult> outages)
    {
        var goal = NotificationSettings.Active + Margin;
        var d = latency.ToWebhookMs;
        report.Target(new TargetResult(
            $"14.1 failure in the simulator → webhook received, adaptive {NotificationSettings.Active.TotalSeconds:0} s / {NotificationSettings.Idle.TotalSeconds:0} s, outbox on SQLite",
            $"p95 ≤ one poll interval + {Margin.TotalSeconds:0} s ({goal.TotalMilliseconds:0} ms)",
            $"p50 {Format.Ms(d.P50)}, p95 {Format.Ms(d.P95)}, max {Format.Ms(d.Max)} ({latency.Received} of {latency.Failures} received); "
                + $"to the rules' decision p95 {Format.Ms(latency.ToDecisionMs.P95)}, decision → received p95 {Format.Ms(latency.DecisionToWebhookMs.P95)}; "
                + $"interval in force {latency.PollIntervalMs:0} ms",
            latency.Received == latency.Failures && d.P95 <= goal.TotalMilliseconds));
        foreach (var outage in outages)
        {
            var received = string.Join(", ", outage.Received.OrderBy(e => e.Key).Select(e => $"{e.Key} {e.Value}"));
            var sent = string.Join(", ", outage.SentMetric.OrderBy(e => e.Key).Select(e => $"{e.Key} {e.Value}"));
            var one = outage.Received.Count == 2
                && outage.Received.GetValueOrDefault(NotificationEvents.SourceDown) == 1
                && outage.Received.GetValueOrDefault(NotificationEvents.SourceRecovered + " (resolved)") == 1
                && outage.SentMetric.Values.Sum() == 2;
            report.Target(new TargetResult(
                $"14.2 a source of {outage.Agents:N0} agents down and back {(outage.AgentsKept ? "with its agents" : "without them")}: messages",
                "one SourceDown, one SourceRecovered",
                $"received: {received}; sent metric: {sent}; SourceRecovered count {outage.RecoveredCount}; "
                    + $"told {outage.DownToldSeconds:0.0} s after the fault, {outage.RecoveredToldSeconds:0.0} s after its end",
                one));
        }
        report.Figures = new
        {
            latency = new
            {
                failures = latency.Failures,
                received = latency.Received,
                pollIntervalMs = NotificationSettings.Active.TotalMilliseconds,
                idlePollIntervalMs = NotificationSettings.Idle.TotalMilliseconds,
                pollIntervalInForceMs = latency.PollIntervalMs,
                toWebhookMs = latency.ToWebhookMs,
                toDecisionMs = latency.ToDecisionMs,
                decisionToWebhookMs = latency.DecisionToWebhookMs,
            },
            outages = outages.Select(o => new
            {
                agents = o.Agents,
                agentsKept = o.AgentsKept,
                received = o.Received,
                sentMetric = o.SentMetric,
                recoveredCount = o.RecoveredCount,
                downToldSeconds = o.DownToldSeconds,
                recoveredToldSeconds = o.RecoveredToldSeconds,
            }),
            outbox = "Sqlite",
            channel = "Webhook, signed, to a receiver on loopback in the driver",
        };
    }
}
