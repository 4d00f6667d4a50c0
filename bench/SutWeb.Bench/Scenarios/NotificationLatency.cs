using System.Globalization;
using System.Text.Json.Nodes;
using SutWeb.Bench.Clients;
using SutWeb.Bench.Hosting;
using SutWeb.Bench.Reporting;
using SutWeb.Notifications;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// From a run failing in the simulator (control API) to the webhook received, through the whole pipeline of a child
/// host. Each failure is on an agent of its own with a rule of its own: a rule's messages within 30 s of each other fold
/// into one, and what is timed here is a message that goes at once. Failures are spaced by random delays of up to one
/// poll interval, so they fall at random phases of the poll; a run that never ends holds the active pace.
/// </summary>
public static class NotificationLatency
{
    private const string PaceHolder = "0-bench-run";

    public static async Task<NotificationLatencyResult> MeasureAsync(int failures, string folder)
    {
        await using var sink = await WebhookSink.StartAsync();
        var settings = NotificationSettings.Of(0, folder, sink.Url("/hooks/sutweb"));
        for (var i = 0; i < failures; i++)
        {
            NotificationSettings.Rule(settings, $"fail-{i:D3}", [NotificationEvents.RunFailed], Name(i));
        }
        await using var host = await ChildHost.StartAsync(settings);
        await host.WaitForBoardAsync(version: 1, agents: 0, TimeSpan.FromSeconds(60));
        await host.SetActivityAsync(false);
        await host.PutAgentAsync(PaceHolder, BenchAgents.Running(PaceHolder, 5999));
        var running = Enumerable.Range(0, failures).Select(i => BenchAgents.Running(Name(i), 6100 + i)).ToList();
        for (var i = 0; i < failures; i++)
        {
            await host.PutAgentAsync(Name(i), running[i]);
        }
        await host.WaitForBoardAsync(version: 1, agents: failures + 1, TimeSpan.FromSeconds(60));
        // One more poll: the rules have seen every run under way before the first one fails.
        await host.WaitForNextPollAsync(TimeSpan.FromSeconds(30));

        var random = new Random(14);
        var changed = new Dictionary<string, DateTimeOffset>();
        for (var i = 0; i < failures; i++)
        {
            await Task.Delay(NotificationSettings.Active * random.NextDouble());
            var failed = Failed(running[i]);
            var executionId = (string)failed["execution_status"]!["id"]!;
            changed[executionId] = DateTimeOffset.UtcNow;
            await host.PutAgentAsync(Name(i), failed);
        }
        await Eventually.TryUntilAsync(() => Received(sink).Count >= failures, TimeSpan.FromSeconds(60), 20);
        var metrics = await host.MetricsAsync();

        var received = Received(sink);
        var toWebhook = new List<double>();
        var toDecision = new List<double>();
        var decisionToWebhook = new List<double>();
        foreach (var (executionId, changedAt) in changed)
        {
            if (received.TryGetValue(executionId, out var got))
            {
                toWebhook.Add((got.At - changedAt).TotalMilliseconds);
                toDecision.Add((got.Decided - changedAt).TotalMilliseconds);
                decisionToWebhook.Add((got.At - got.Decided).TotalMilliseconds);
            }
        }
        return new NotificationLatencyResult(failures, received.Count, Distribution.Of(toWebhook), Distribution.Of(toDecision),
            Distribution.Of(decisionToWebhook), metrics.PollIntervalMs);
    }

    private static string Name(int i) => "0-bench-fail-" + i.ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>The RunFailed messages received, by execution id: when, and the <c>at</c> they carry.</summary>
    private static Dictionary<string, (DateTimeOffset At, DateTimeOffset Decided)> Received(WebhookSink sink) =>
        sink.Received
            .Where(r => (string?)r.Body["event"] == NotificationEvents.RunFailed && r.Body["run"] is JsonObject)
            .GroupBy(r => (string)r.Body["run"]!["executionId"]!)
            .ToDictionary(g => g.Key, g => (g.First().At, DateTimeOffset.Parse((string)g.First().Body["at"]!, CultureInfo.InvariantCulture)));

    /// <summary>The same run, ended as failed now.</summary>
    private static JsonObject Failed(JsonObject running)
    {
        var failed = running.DeepClone().AsObject();
        var status = failed["execution_status"]!.AsObject();
        status["status"] = "Failed";
        status["endtime"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        failed["process_status"] = "Finished";
        failed["last_log"] = "Connected to SUT\r\nAssertion failed: total is 0\r\nExecution finished: Failed";
        return failed;
    }
}
