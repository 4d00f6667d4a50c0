using System.Text.Json.Nodes;
using SutWeb.Bench.Clients;
using SutWeb.Bench.Hosting;
using SutWeb.Notifications;
using SutWeb.Notifications.Rules;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// A source of N agents (the simulator's own, activity stopped) going down (fault <c>http500</c>) and coming back,
/// twice: once with its agents, once without them (deleted while it was down). A rule listing the source's and the
/// agents' events sends to the driver's receiver; after each return a run of a marker agent fails, told by a rule of its
/// own on the same channel, which sends in order: once the marker is received, nothing told before it is on its way.
/// </summary>
public static class NotificationOutage
{
    private const string Marker = "0-bench-marker";
    private static readonly TimeSpan Told = TimeSpan.FromSeconds(120);

    public static readonly string[] OutageEvents =
    [
        NotificationEvents.SourceDown, NotificationEvents.SourceRecovered, NotificationEvents.AgentDisconnected,
        NotificationEvents.AgentReconnected, NotificationEvents.RunLost,
    ];

    public static async Task<List<NotificationOutageResult>> MeasureAsync(int agents, string folder)
    {
        await using var sink = await WebhookSink.StartAsync();
        var settings = NotificationSettings.Of(agents, folder, sink.Url("/hooks/sutweb"));
        NotificationSettings.Rule(settings, "outage", OutageEvents);
        NotificationSettings.Rule(settings, "marker", [NotificationEvents.RunFailed], Marker);
        await using var host = await ChildHost.StartAsync(settings);
        await host.WaitForBoardAsync(version: 1, agents: agents, TimeSpan.FromSeconds(120));
        await host.SetActivityAsync(false);
        await host.WaitForNextPollAsync(TimeSpan.FromSeconds(60));
        var results = new List<NotificationOutageResult>();
        foreach (var keep in new[] { true, false })
        {
            if (!keep)
            {
                // A rule's messages within the fold window of its last one are held to its end and go as one: wait it
                // out, so that the second outage's times are the pipeline's and not the fold's.
                await Task.Delay(RuleLimits.FoldWindow);
            }
            results.Add(await OutageAsync(host, sink, agents, keep));
        }
        return results;
    }

    private static async Task<NotificationOutageResult> OutageAsync(ChildHost host, WebhookSink sink, int agents, bool keep)
    {
        var markerRun = BenchAgents.Running(Marker, 5998);
        var executionId = Guid.NewGuid().ToString();
        markerRun["execution_status"]!["id"] = executionId;
        await host.PutAgentAsync(Marker, markerRun);
        await host.WaitForNextPollAsync(TimeSpan.FromSeconds(60));
        var names = (await host.AgentsAsync()).Select(a => (string)a!["agent_name"]!).Where(n => n != Marker).ToList();
        var before = sink.Received.Count;
        var sentBefore = await SentMetric.ReadAsync(host.Http, "hook");

        var down = DateTimeOffset.UtcNow;
        await host.Simulator.SetFaultAsync("http500");
        await UntilAsync(sink, before, NotificationEvents.SourceDown, "SourceDown");
        var downTold = Since(sink, before, NotificationEvents.SourceDown) - down;
        if (!keep)
        {
            foreach (var name in names)
            {
                await host.Simulator.DeleteAgentAsync(name);
            }
        }
        var back = DateTimeOffset.UtcNow;
        await host.Simulator.SetFaultAsync("none");
        await UntilAsync(sink, before, NotificationEvents.SourceRecovered, "SourceRecovered");
        var recoveredTold = Since(sink, before, NotificationEvents.SourceRecovered) - back;

        var failed = markerRun.DeepClone().AsObject();
        failed["execution_status"]!["status"] = "Failed";
        failed["execution_status"]!["endtime"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        failed["process_status"] = "Finished";
        await host.PutAgentAsync(Marker, failed);
        await UntilAsync(sink, before, NotificationEvents.RunFailed, "the marker's RunFailed");

        var got = sink.Received.Skip(before).Where(r => (string?)r.Body["rule"] == "outage").ToList();
        Dictionary<string, long> sent = [];
        // The exporter may lag the counters by a moment: read until it counts what was received.
        await Eventually.TryUntilAsync(async () =>
        {
            sent = SentMetric.Since(sentBefore, await SentMetric.ReadAsync(host.Http, "hook"));
            return sent.Values.Sum() >= got.Count + 1;
        }, TimeSpan.FromSeconds(10), 200);
        sent.Remove(NotificationEvents.RunFailed);
        var recovered = got.FirstOrDefault(r => (string?)r.Body["event"] == NotificationEvents.SourceRecovered).Body;
        return new NotificationOutageResult(
            keep,
            names.Count,
            got.GroupBy(r => (string)r.Body["event"]! + ((bool?)r.Body["resolved"] == true ? " (resolved)" : "")).ToDictionary(g => g.Key, g => g.Count()),
            sent,
            (int?)recovered?["count"],
            downTold.TotalSeconds,
            recoveredTold.TotalSeconds);
    }

    private static async Task UntilAsync(WebhookSink sink, int before, string notificationEvent, string what)
    {
        if (!await Eventually.TryUntilAsync(() => sink.Received.Skip(before).Any(r => (string?)r.Body["event"] == notificationEvent), Told, 20))
        {
            throw new TimeoutException($"The receiver got no {what} within {Told.TotalSeconds:0} s.");
        }
    }

    private static DateTimeOffset Since(WebhookSink sink, int before, string notificationEvent) =>
        sink.Received.Skip(before).First(r => (string?)r.Body["event"] == notificationEvent).At;
}
