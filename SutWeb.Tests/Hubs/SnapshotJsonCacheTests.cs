using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Hubs;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Hubs;

/// <summary>GetSnapshot serialises the board's agents once per version and still answers the contract's JSON.</summary>
public sealed class SnapshotJsonCacheTests
{
    private static readonly JsonSerializerOptions HubJson = new JsonHubProtocolOptions().PayloadSerializerOptions;

    [Fact]
    public void Converter_RichSnapshot_WritesExactlyWhatTheSerializerWritesForTheSnapshot()
    {
        var snapshot = new StatusSnapshot
        {
            Version = 42,
            ObservedAt = new DateTimeOffset(2024, 3, 1, 12, 0, 5, 250, TimeSpan.FromHours(1)),
            Health = new UpstreamHealth { State = UpstreamState.Degraded, LastSuccessAt = null, LastError = "HTTP 500 \"<b>\"", ConsecutiveFailures = 2 },
            Agents =
            [
                new AgentView
                {
                    Key = "martin2:5400",
                    AgentName = "martin2",
                    Port = 5400,
                    ProcessId = 58914,
                    State = AgentState.Running,
                    LastLog = "line 1\r\n<script>\u00e9\U0001F600",
                    LastLogTruncated = true,
                    Execution = new ExecutionView { Id = "e1", ModelName = "BBCSport", StartTime = DateTimeOffset.UnixEpoch, Status = "Running" },
                },
                new AgentView { Key = "zeta", AgentName = "zeta", Port = null, ProcessId = 0, State = AgentState.Idle },
            ],
        };
        var cache = new SnapshotJsonCache(Options.Create(new JsonHubProtocolOptions()));

        var written = JsonSerializer.Serialize(cache.Get(snapshot), HubJson);

        Assert.Equal(JsonSerializer.Serialize(snapshot, HubJson), written);
        Assert.Equal(["version", "observedAt", "health", "agents"], JsonNode.Parse(written)!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task GetSnapshot_TwoCallsAtOneVersion_SerialiseOnceAndTheClientGetsTheBoard()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SutWebHost.StartOnClockAsync(clock, new Dictionary<string, string?> { ["Eggplant:PollInterval"] = "00:00:01" });
        var poller = host.Services.GetRequiredService<PollerStatus>();
        var cache = host.Services.GetRequiredService<SnapshotJsonCache>();
        var hubJson = host.Services.GetRequiredService<IOptions<JsonHubProtocolOptions>>().Value.PayloadSerializerOptions;
        var before = cache.Serializations;

        await using var probe = await HubProbe.ConnectAsync(host.BaseAddress); // the first call
        await probe.GetSnapshotAsync();

        Assert.Equal(1, cache.Serializations - before);
        var board = JsonSerializer.Serialize(host.Board.Current, hubJson);
        Assert.Equal([board, board], probe.RawMessages);

        await host.PutAgentAsync("cache-probe", new JsonObject { ["agent_name"] = "cache-probe", ["port"] = 5001, ["process_id"] = 0 });
        var completed = poller.CompletedPolls;
        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.UntilAsync(() => poller.CompletedPolls > completed, "the poll has seen the new agent");
        var next = await probe.GetSnapshotAsync();

        Assert.Equal(2, cache.Serializations - before);
        Assert.Contains(next.Agents, a => a.Key == "cache-probe:5001");
        Assert.Equal(JsonSerializer.Serialize(host.Board.Current, hubJson), probe.RawMessages[^1]);
    }
}
