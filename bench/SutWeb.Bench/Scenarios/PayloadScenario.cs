using System.Buffers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Protocol;
using SutWeb.Bench.Clients;
using SutWeb.Bench.Hosting;
using SutWeb.Bench.Parsing;
using SutWeb.Bench.Reporting;
using SutWeb.Shared.Diffing;
using SutWeb.Shared.Mapping;
using SutWeb.Shared.Views;
using SutWeb.Shared.Wire;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// Target 3: bytes the hub sends for one changed agent among 1,000, against a full snapshot. Counted twice: serialised
/// in process with SignalR's own JSON hub protocol (the server's protocol and options), and on a raw WebSocket to the
/// running host. MessagePack is not offered by the host; its size is computed in process for comparison only.
/// </summary>
public static class PayloadScenario
{
    public const string Name = "payload";
    private const int Agents = 1_000;
    private const double TargetPercent = 1;

    public static async Task RunAsync(BenchReport report)
    {
        // In process: realistic generated agents, the hub's own protocol writers.
        var generator = new WirePayloadGenerator(seed: 42);
        var before = generator.Agents(Agents);
        var after = before.Select(a => (JsonObject)a.DeepClone()).ToList();
        var changed = after.First(a => a["execution_status"] is JsonObject e && (string?)e["status"] == "Running");
        changed["last_log"] = (string?)changed["last_log"] + "\r\nFound image \"CartIcon\" at (812, 94)";
        var observedAt = DateTimeOffset.UtcNow;
        var health = new UpstreamHealth { State = UpstreamState.Healthy, LastSuccessAt = observedAt };
        var views = Views(before);
        var snapshot = new StatusSnapshot { Version = 42, ObservedAt = observedAt, Health = health, Agents = views };
        var diff = StatusDiffer.Diff(views, Views(after), 42, observedAt) ?? throw new InvalidOperationException("No diff.");
        var json = new JsonHubProtocol();
        var jsonSnapshot = Size(json, CompletionMessage.WithResult("1", snapshot));
        var jsonDiff = Size(json, new InvocationMessage("Diff", [diff]));
        var messagePack = new MessagePackHubProtocol();
        var packSnapshot = Size(messagePack, CompletionMessage.WithResult("1", snapshot));
        var packDiff = Size(messagePack, new InvocationMessage("Diff", [diff]));

        // On the wire: the running host, its simulator's own 1,000 agents, one of them changed through the control API.
        var (wireSnapshot, wireDiff, wireAgents) = await OnTheWireAsync();
        object Row(string counted, int agents, long snapshotBytes, long diffBytes) =>
            new { counted, agents, snapshotBytes, diffBytes, diffPercentOfSnapshot = 100.0 * diffBytes / snapshotBytes };
        report.Figures = new[]
        {
            Row("JSON hub protocol, serialised in process (generated agents: 80 % running)", Agents, jsonSnapshot, jsonDiff),
            Row("MessagePack hub protocol, same objects (not offered by the host)", Agents, packSnapshot, packDiff),
            Row("JSON on a raw WebSocket to the running host (the simulator's agents)", wireAgents, wireSnapshot, wireDiff),
        };

        var worst = Math.Max(100.0 * jsonDiff / jsonSnapshot, 100.0 * wireDiff / wireSnapshot);
        report.Target(new TargetResult(
            "3. bytes for one changed agent among 1,000",
            $"≤ {TargetPercent:0} % of a snapshot",
            $"{Format.Bytes(wireDiff)} vs {Format.Bytes(wireSnapshot)} on the wire ({Percent(wireDiff, wireSnapshot)}); in process {Percent(jsonDiff, jsonSnapshot)}",
            worst <= TargetPercent));
    }

    private static IReadOnlyList<AgentView> Views(IEnumerable<JsonObject> agents) =>
        AgentViewMapper.ToViews(StatusPayloadParser.Parse(WirePayloadGenerator.Serialize(agents)), AgentViewLimits.Default);

    private static long Size(IHubProtocol protocol, HubMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        protocol.WriteMessage(message, buffer);
        return buffer.WrittenCount;
    }

    private static string Percent(long part, long whole) => Format.Number(100.0 * part / whole, "0.00") + " %";

    private static async Task<(long Snapshot, long Diff, int Agents)> OnTheWireAsync()
    {
        await using var host = await ChildHost.StartAsync(ChildHost.Settings(Agents, TimeSpan.FromSeconds(1)));
        await host.WaitForBoardAsync(version: 1, agents: Agents, TimeSpan.FromSeconds(60));
        await host.SetActivityAsync(false);
        await host.WaitForNextPollAsync(TimeSpan.FromSeconds(30));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var socket = await RawHubSocket.ConnectAsync(host.BaseAddress, timeout.Token);
        await socket.SendAsync("{\"type\":1,\"invocationId\":\"1\",\"target\":\"GetSnapshot\",\"arguments\":[]}", timeout.Token);
        var snapshot = await socket.ReceiveAsync(type: 3, target: null, timeout.Token);
        var agents = (await host.MetricsAsync()).Agents;

        var running = (await host.AgentsAsync()).OfType<JsonObject>()
            .First(a => a["execution_status"] is JsonObject e && (string?)e["status"] == "Running");
        running["last_log"] = (string?)running["last_log"] + "\r\nFound image \"CartIcon\" at (812, 94)";
        await host.PutAgentAsync((string)running["agent_name"]!, running);
        var diff = await socket.ReceiveAsync(type: 1, target: "Diff", timeout.Token);
        return (snapshot.Length, diff.Length, agents);
    }
}
