using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Components.Styling;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Reliability;

/// <summary>
/// Every upstream fault, end to end on the real host with the production resilience settings (poll interval 1 s):
/// the health reached, the sentence the screen shows, how long detection and recovery took in real time, whether
/// any agent was lost and whether a hub client still matches the board, and how many error lines were logged.
/// </summary>
public static class FaultMatrix
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <returns>One row per fault: times in seconds, the screen's sentence, agents before, during and after.</returns>
    public static async Task<object> RunAsync()
    {
        var rows = new List<Row>();
        foreach (var (kind, delay) in new[]
                 {
                     ("http500", 0), ("timeout", 0), ("malformed", 0), ("html", 0), ("unauthorized", 0), ("slow", 3_000),
                     ("stall-body", 0), ("drip", 0), ("reset", 0),
                 })
        {
            rows.Add(await SimulatorFaultAsync(kind, delay));
            Console.Error.WriteLine(FiguresFile.ToJson(rows[^1]));
        }
        rows.Add(await ServerDownAsync());
        Console.Error.WriteLine(FiguresFile.ToJson(rows[^1]));
        rows.Add(await UnresolvableAsync());
        Console.Error.WriteLine(FiguresFile.ToJson(rows[^1]));
        rows.Add(await TokenChurnAsync());
        Console.Error.WriteLine(FiguresFile.ToJson(rows[^1]));
        rows.Add(await HugeAnswerAsync());
        Console.Error.WriteLine(FiguresFile.ToJson(rows[^1]));

        return new { pollIntervalMs = Interval.TotalMilliseconds, settings = "other settings at their defaults", rows };
    }

    private static async Task<Row> SimulatorFaultAsync(string kind, int delayMs)
    {
        await using var host = await SutWebHost.StartAsync(Settings());
        await host.SetActivityAsync(false);
        await WaitHealthyAsync(host);
        await using var probe = await HubProbe.ConnectAsync(host.BaseAddress);
        var before = host.Board.Current.Agents.Count;

        var clock = Stopwatch.StartNew();
        await host.SetFaultAsync(kind, delayMs);
        await Eventually.UntilAsync(() => host.Board.Current.Health.State != UpstreamState.Healthy, "the fault is seen", TimeSpan.FromMinutes(2));
        var detected = clock.Elapsed;
        var screen = Screen(host, host.Board.Current.Health);
        // Let it last a few intervals, as a real outage would, noting every state it passes through.
        var states = new List<UpstreamState> { host.Board.Current.Health.State };
        while (clock.Elapsed < detected + Interval * 4)
        {
            await Task.Delay(50);
            if (host.Board.Current.Health.State != states[^1])
            {
                states.Add(host.Board.Current.Health.State);
            }
        }
        var health = host.Board.Current.Health;
        screen = health.State == UpstreamState.Healthy ? screen : Screen(host, health);
        var during = host.Board.Current.Agents.Count;

        clock.Restart();
        await host.SetFaultAsync("none");
        await WaitHealthyAsync(host);
        var recovered = clock.Elapsed;
        return new Row($"simulator `{kind}`" + (delayMs > 0 ? $" ({delayMs} ms)" : ""), string.Join(" → ", states), screen, detected.TotalSeconds, null,
            recovered.TotalSeconds, null, [before, during, host.Board.Current.Agents.Count], await MatchesAsync(probe, host), Errors(host));
    }

    private static async Task<Row> ServerDownAsync()
    {
        var port = SutWebHost.FreePort();
        var upstream = await SutWebHost.StartAsync(port: port);
        await upstream.SetActivityAsync(false);
        await using var host = await SutWebHost.StartAsync(Settings(new()
        {
            ["Eggplant:BaseUrl"] = new Uri(upstream.BaseAddress, "simulator/").ToString(),
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = "simulator",
        }));
        await WaitHealthyAsync(host);
        await using var probe = await HubProbe.ConnectAsync(host.BaseAddress);
        var before = host.Board.Current.Agents.Count;

        var clock = Stopwatch.StartNew();
        await upstream.DisposeAsync();
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Unreachable, "unreachable", TimeSpan.FromMinutes(2));
        var detected = clock.Elapsed;
        var health = host.Board.Current.Health;
        var during = host.Board.Current.Agents.Count;

        clock.Restart();
        await using var back = await SutWebHost.StartAsync(port: port);
        await back.SetActivityAsync(false);
        await WaitHealthyAsync(host);
        var recovered = clock.Elapsed;
        return new Row("server down (port refuses connections), then back on the same port", health.State.ToString(), Screen(host, health),
            detected.TotalSeconds, "to Unreachable", recovered.TotalSeconds, "from restart",
            [before, during, host.Board.Current.Agents.Count], await MatchesAsync(probe, host), Errors(host));
    }

    private static async Task<Row> UnresolvableAsync()
    {
        var name = new string('a', 70) + ".invalid"; // refused by the resolver library: no DNS query is sent
        var clock = Stopwatch.StartNew();
        await using var host = await SutWebHost.StartAsync(Settings(new()
        {
            ["Eggplant:BaseUrl"] = $"http://{name}/",
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = "simulator",
        }));
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Unreachable, "unreachable", TimeSpan.FromMinutes(2));
        var health = host.Board.Current.Health;
        return new Row("unresolvable host name", health.State.ToString(), Screen(host, health),
            clock.Elapsed.TotalSeconds, "to Unreachable", null, "n/a (configuration)", [0, 0, 0], "n/a", Errors(host));
    }

    private static async Task<Row> TokenChurnAsync()
    {
        var fake = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SutWebHost.StartAsync(Settings(new() { ["Simulator:TokenLifetime"] = "00:00:05" }), s => s.AddSingleton<TimeProvider>(fake));
        await host.SetActivityAsync(false);
        var poller = host.Services.GetRequiredService<PollerStatus>();
        // On the fake clock no other poll starts until the test advances it.
        await Eventually.UntilAsync(() => poller.CompletedPolls > 0, "the first poll");
        var before = await host.GetStatsAsync();
        var agents = host.Board.Current.Agents.Count;
        var notHealthy = 0;
        var clock = Stopwatch.StartNew();
        for (var second = 0; second < 600; second++)
        {
            var completed = poller.CompletedPolls;
            fake.Advance(Interval);
            await Eventually.UntilAsync(() => poller.CompletedPolls > completed, "the poll");
            notHealthy += host.Board.Current.Health.State == UpstreamState.Healthy ? 0 : 1;
        }
        var after = await host.GetStatsAsync();
        return new Row("tokens expiring every 5 s, 10 minutes of simulated time (600 polls)",
            notHealthy == 0 ? "Healthy throughout" : $"not Healthy in {notHealthy} polls", "Live · updated 0 s ago",
            null, $"{after.AuthRequests - before.AuthRequests} sign-ins, {after.StatusRequests - before.StatusRequests} status calls (no 401 retry)",
            null, $"n/a (never left Healthy; {clock.Elapsed.TotalSeconds:0.#} s real time)",
            [agents, host.Board.Current.Agents.Count, host.Board.Current.Agents.Count], "n/a", Errors(host));
    }

    private static async Task<Row> HugeAnswerAsync()
    {
        await using var upstream = await ScriptedEggplantServer.StartAsync();
        var agents = new JsonArray();
        for (var i = 0; i < 5_000; i++)
        {
            agents.Add(new JsonObject { ["agent_name"] = $"agent-{i:0000}", ["port"] = 5400, ["process_id"] = 0 });
        }
        agents[0]!["last_log"] = string.Concat(Enumerable.Range(0, 90_000).Select(i => $"line {i:00000} of a long log\r\n"));
        var body = Encoding.UTF8.GetBytes(agents.ToJsonString());
        upstream.AnswerStatus(body);
        var clock = Stopwatch.StartNew();
        await using var host = await SutWebHost.StartAsync(Settings(new()
        {
            ["Eggplant:BaseUrl"] = upstream.BaseUrl,
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = "scripted",
        }));
        await using var probe = await HubProbe.ConnectAsync(host.BaseAddress);
        await WaitHealthyAsync(host);
        var first = host.Board.Current.Agents[0];
        return new Row($"5,000 agents and a 2 MiB `last_log` ({body.Length / 1024.0 / 1024:0.0} MiB answer)", "Healthy",
            $"Live; the log shows its last {first.LastLog!.Length / 1024} KiB, marked truncated: {first.LastLogTruncated}",
            null, "n/a", clock.Elapsed.TotalSeconds, "start to first board", [5000, host.Board.Current.Agents.Count, host.Board.Current.Agents.Count],
            await MatchesAsync(probe, host), Errors(host));
    }

    private static Dictionary<string, string?> Settings(Dictionary<string, string?>? extra = null)
    {
        // Production defaults for retries, timeouts and the breaker; only the interval and logging differ.
        var settings = new Dictionary<string, string?>
        {
            ["Eggplant:PollInterval"] = "00:00:01",
            ["Eggplant:RetryBaseDelay"] = "00:00:00.200",
            ["Eggplant:RequestTimeout"] = "00:00:05",
            ["Simulator:AgentCount"] = "8",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        return settings;
    }

    private static Task WaitHealthyAsync(SutWebHost host) =>
        Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "healthy", TimeSpan.FromMinutes(2));

    private static string Screen(SutWebHost host, UpstreamHealth health)
    {
        var headline = HealthDisplay.Describe(health, DateTimeOffset.UtcNow, new ViewerTime()).Style.Text;
        return health.LastError is { } detail ? $"{headline} — {detail}" : headline;
    }

    /// <summary>Whether the client, following diffs (and snapshots after gaps), reaches the board's exact state.</summary>
    private static async Task<string> MatchesAsync(HubProbe probe, SutWebHost host)
    {
        if (!await Eventually.TryUntilAsync(() => probe.State!.Version == host.Board.Current.Version, TimeSpan.FromSeconds(30)))
        {
            return "NO (behind)";
        }
        return probe.State!.Agents.SequenceEqual(host.Board.Current.Agents) ? "yes" : "NO";
    }

    private static int Errors(SutWebHost host) =>
        host.Logs.Lines.Count(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));

    /// <param name="AgentsBeforeDuringAfter">Agents on the board before the fault, during it and after it was cleared.</param>
    private sealed record Row(string Fault, string Health, string Screen, double? DetectedSeconds, string? DetectedNote,
        double? RecoveredSeconds, string? RecoveredNote, int[] AgentsBeforeDuringAfter, string HubClientMatchesBoard, int ErrorLines);
}
