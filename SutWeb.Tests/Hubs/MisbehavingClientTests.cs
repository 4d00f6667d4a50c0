using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Hubs;
using SutWeb.Monitoring;
using SutWeb.Shared.Hub;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Hubs;

/// <summary>Clients that lose messages, stall or send nonsense: each ends in the board's state or is cut off alone.</summary>
public sealed class MisbehavingClientTests
{
    [Fact]
    public async Task Hub_ClientDroppingEveryThirdDiff_DetectsGapsAndEndsEqualToTheBoard()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(clock);
        await using var lossy = await HubProbe.ConnectAsync(host.BaseAddress, dropEvery: 3);

        await ChangeAndPollAsync(host, clock, changes: 30, logBytes: 100);
        // A lost last diff shows as a gap only when the next one comes: keep changing until one does.
        for (var extra = 0; extra < 3 && !await CaughtUpAsync(lossy, host); extra++)
        {
            await ChangeAndPollAsync(host, clock, changes: 1, logBytes: 100, first: 30 + extra);
        }

        await Eventually.UntilAsync(() => lossy.State!.Version == host.Board.Current.Version, "the lossy client has caught up");
        Assert.Equal(host.Board.Current.Agents, lossy.State!.Agents);
        Assert.True(lossy.Resyncs > 1, "gaps were detected and answered with a snapshot");
    }

    [Fact]
    public async Task Hub_StalledClient_DelaysNoOtherClientKeepsABoundedQueueAndIsCutOff()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(clock, new()
        {
            ["Hub:QueueCapacity"] = "8",
            ["Hub:StallTimeout"] = "00:00:20",
            ["Eggplant:MaxLogChars"] = "1000000",
        });
        using var stalled = await ConnectWithoutReadingAsync(host);
        var others = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => HubProbe.ConnectAsync(host.BaseAddress)));
        var manager = (QueuedHubLifetimeManager<StatusHub>)host.Services.GetRequiredService<HubLifetimeManager<StatusHub>>();

        // Diffs of about 1 MB each: enough to fill every buffer between the server and the reader that never reads.
        await ChangeAndPollAsync(host, clock, changes: 40, logBytes: 1_000_000, afterEach: async () =>
        {
            foreach (var other in others)
            {
                await Eventually.UntilAsync(() => other.State!.Version == host.Board.Current.Version, "every other client has this version");
            }
        });

        Assert.True(manager.Dropped > 0, "the stalled client's oldest messages were dropped");
        Assert.All(others, o => Assert.Equal(1, o.Resyncs));
        Assert.All(others, o => Assert.Equal(host.Board.Current.Agents, o.State!.Agents));
        // The stall is timed from the write that blocked, which the socket buffers (and the machine's load) decide: on a
        // loaded machine the queue may drop more than the pump writes, so keep sending until a write blocks, and let
        // the clock run on until the stall timeout has passed after it.
        var more = 0;
        await Eventually.UntilAsync(async () =>
        {
            if (host.Logs.Lines.Any(l => l.Contains("took no message for", StringComparison.Ordinal)))
            {
                return true;
            }
            await ChangeAndPollAsync(host, clock, changes: 1, logBytes: 1_000_000, first: 40 + more++);
            clock.Advance(TimeSpan.FromSeconds(5));
            return false;
        }, "the stalled client was disconnected", TimeSpan.FromMinutes(2));
        foreach (var other in others)
        {
            await other.DisposeAsync();
        }
    }

    [Fact]
    public async Task Hub_SendsToChosenConnections_AreQueuedSoAStalledClientDelaysNoSender()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(clock, new() { ["Hub:QueueCapacity"] = "4", ["Hub:StallTimeout"] = "00:00:20" });
        using var stalled = await ConnectWithoutReadingAsync(host);
        await using var reader = await HubProbe.ConnectAsync(host.BaseAddress);
        var hub = host.Services.GetRequiredService<IHubContext<StatusHub, IStatusClient>>();
        var manager = (QueuedHubLifetimeManager<StatusHub>)host.Services.GetRequiredService<HubLifetimeManager<StatusHub>>();
        var readerId = reader.Connection.ConnectionId!;
        var large = new UpstreamHealth { State = UpstreamState.Degraded, LastError = new string('x', 1_000_000) };

        // About 40 MB to everyone but the reader, more than every buffer up to a client that never reads: a send that
        // waited for the stalled client would not return.
        for (var i = 0; i < 40; i++)
        {
            await hub.Clients.AllExcept([readerId]).Health(large).WaitAsync(TimeSpan.FromSeconds(30));
        }
        await hub.Clients.Client(readerId).Health(UpstreamHealth.Starting).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(manager.Dropped > 0, "the stalled client's oldest messages were dropped");
        await Eventually.UntilAsync(() => reader.Healths.Any(h => h.State == UpstreamState.Starting), "the message to one connection arrived");
        Assert.DoesNotContain(reader.Healths, h => h.LastError == large.LastError);
    }

    [Fact]
    public async Task Hub_SendsToGroupsOrUsers_AreRefusedRatherThanBypassingTheQueues()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(clock);
        await using var probe = await HubProbe.ConnectAsync(host.BaseAddress);
        var hub = host.Services.GetRequiredService<IHubContext<StatusHub, IStatusClient>>();

        await Assert.ThrowsAsync<NotSupportedException>(() => hub.Clients.Group("wall").Health(UpstreamHealth.Starting));
        await Assert.ThrowsAsync<NotSupportedException>(() => hub.Clients.User("someone").Health(UpstreamHealth.Starting));
        await Assert.ThrowsAsync<NotSupportedException>(() => hub.Groups.AddToGroupAsync(probe.Connection.ConnectionId!, "wall"));
    }

    [Fact]
    public async Task Hub_InvalidCalls_GetACleanErrorAndOthersKeepReceiving()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(clock);
        await using var bystander = await HubProbe.ConnectAsync(host.BaseAddress);
        await using var rude = await HubProbe.ConnectAsync(host.BaseAddress);

        var unknown = await Assert.ThrowsAsync<HubException>(() => rude.Connection.InvokeAsync("DeleteEverything"));
        var wrongArguments = await Assert.ThrowsAsync<HubException>(() => rude.Connection.InvokeAsync(StatusHubContract.GetSnapshot, 1, "two"));
        Assert.Contains("DeleteEverything", unknown.Message);
        Assert.NotEmpty(wrongArguments.Message);
        var closed = new TaskCompletionSource();
        rude.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        _ = rude.Connection.InvokeAsync(StatusHubContract.GetSnapshot, new string('x', 1_000_000)); // over the 32 KiB message limit
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await ChangeAndPollAsync(host, clock, changes: 3, logBytes: 10);

        await Eventually.UntilAsync(() => bystander.State!.Version == host.Board.Current.Version, "the bystander has every change");
        Assert.Equal(host.Board.Current.Agents, bystander.State!.Agents);
        Assert.Equal(1, bystander.Resyncs);
    }

    /// <summary>A WebSocket client that completes the SignalR handshake and then never reads again.</summary>
    private static async Task<System.Net.WebSockets.ClientWebSocket> ConnectWithoutReadingAsync(SutWebHost host)
    {
        var socket = new System.Net.WebSockets.ClientWebSocket();
        var url = new UriBuilder(new Uri(host.BaseAddress, StatusHubContract.Path.TrimStart('/'))) { Scheme = "ws" }.Uri;
        await socket.ConnectAsync(url, CancellationToken.None);
        await socket.SendAsync("{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray(), System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[64];
        await socket.ReceiveAsync(buffer, CancellationToken.None); // the handshake answer
        return socket;
    }

    /// <summary>Whether the client holds the board's version once it has read everything sent so far.</summary>
    private static async Task<bool> CaughtUpAsync(HubProbe probe, SutWebHost host)
    {
        // A round trip: the server answers after it has sent everything queued before this call.
        await probe.Connection.InvokeAsync<System.Text.Json.JsonElement>(StatusHubContract.GetSnapshot);
        return probe.State!.Version == host.Board.Current.Version && probe.Diffs.Count > 0;
    }

    private static async Task<SutWebHost> StartAsync(FakeTimeProvider clock, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["Eggplant:PollInterval"] = "00:00:01" };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        // SignalR's own client timeout runs in real time: on a loaded machine it could cut the silent client off
        // before the fake clock reaches the hub's stall timeout, which is what these tests watch.
        return await SutWebHost.StartOnClockAsync(clock, settings, s => s.Configure<HubOptions>(o => o.ClientTimeoutInterval = TimeSpan.FromMinutes(10)));
    }

    /// <summary>Changes one agent's log through the control API and lets one poll see it, <paramref name="changes"/> times.</summary>
    private static async Task ChangeAndPollAsync(SutWebHost host, FakeTimeProvider clock, int changes, int logBytes, Func<Task>? afterEach = null, int first = 0)
    {
        var poller = host.Services.GetRequiredService<PollerStatus>();
        for (var i = first; i < first + changes; i++)
        {
            await host.PutAgentAsync("churn", new JsonObject
            {
                ["agent_name"] = "churn",
                ["port"] = 6000,
                ["process_id"] = 0,
                ["last_log"] = new string('x', logBytes) + $" change {i}", // the end: the part kept under the log cap
            });
            var version = host.Board.Current.Version;
            var completed = poller.CompletedPolls;
            clock.Advance(TimeSpan.FromSeconds(1));
            // A poll already in flight (from an earlier advance) may finish without the change: then one more second.
            await Eventually.UntilAsync(() =>
            {
                if (host.Board.Current.Version > version)
                {
                    return true;
                }
                if (poller.CompletedPolls > completed)
                {
                    completed = poller.CompletedPolls;
                    clock.Advance(TimeSpan.FromSeconds(1));
                }
                return false;
            }, "a poll has brought the change");
            Assert.Equal(version + 1, host.Board.Current.Version);
            if (afterEach is not null)
            {
                await afterEach();
            }
        }
    }
}
