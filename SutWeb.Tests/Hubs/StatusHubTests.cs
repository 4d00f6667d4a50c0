using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Hubs;

/// <summary>The public push API over a real SignalR connection to the running host.</summary>
public sealed class StatusHubTests
{
    [Fact]
    public async Task Hub_ControlApiChange_ClientGetsADiffWithContiguousVersions()
    {
        await using var host = await SutWebHost.StartAsync();
        await host.SetActivityAsync(false);
        await Eventually.UntilAsync(() => host.Board.Current.Version > 0, "the first poll is on the board");
        await using var probe = await HubProbe.ConnectAsync(host.BaseAddress);

        await host.PutAgentAsync("hub-probe", new JsonObject
        {
            ["agent_name"] = "hub-probe",
            ["port"] = 5999,
            ["process_id"] = 0,
        });
        await Eventually.UntilAsync(() => probe.Diffs.Any(d => d.Upserted.Any(a => a.Key == "hub-probe:5999")), "a diff brings the new agent");
        await host.DeleteAgentAsync("hub-probe");
        await Eventually.UntilAsync(() => probe.Diffs.Any(d => d.Removed.Contains("hub-probe:5999")), "a diff removes the agent");

        var diffs = probe.Diffs;
        Assert.All(diffs, d => Assert.Equal(d.FromVersion + 1, d.ToVersion));
        Assert.All(diffs.Zip(diffs.Skip(1)), pair => Assert.Equal(pair.First.ToVersion, pair.Second.FromVersion));
        await Eventually.UntilAsync(() => probe.State!.Version == host.Board.Current.Version, "the client has caught up");
        Assert.Equal(host.Board.Current.Agents, probe.State!.Agents);
        Assert.Equal(1, probe.Resyncs); // the first snapshot only: no gap was ever seen
    }

    [Fact]
    public async Task Hub_AfterReconnect_GetSnapshotEqualsTheBoard()
    {
        await using var host = await SutWebHost.StartAsync();
        await Eventually.UntilAsync(() => host.Board.Current.Version > 0, "the first poll is on the board");
        await using var probe = await HubProbe.ConnectAsync(host.BaseAddress);
        await probe.Connection.StopAsync();
        await host.PutAgentAsync("while-away", new JsonObject { ["agent_name"] = "while-away", ["process_id"] = 0 });
        await Eventually.UntilAsync(() => host.Board.Current.Agents.Any(a => a.Key == "while-away"), "the change is on the board");
        await host.SetActivityAsync(false);

        await probe.Connection.StartAsync();
        var snapshot = await probe.GetSnapshotAsync();
        var board = host.Board.Current;

        Assert.Equal(board.Version, snapshot.Version);
        Assert.Equal(board.Agents, snapshot.Agents);
        Assert.Equal(board.Health, snapshot.Health);
        Assert.Contains(snapshot.Agents, a => a.Key == "while-away");
    }

    [Fact]
    public async Task Hub_UpstreamFault_ClientIsToldTheHealth()
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?> { ["Eggplant:RetryCount"] = "0" });
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "healthy");
        await using var probe = await HubProbe.ConnectAsync(host.BaseAddress);

        await host.SetFaultAsync("http500");

        await Eventually.UntilAsync(() => probe.Healths.Any(h => h.State == UpstreamState.Degraded), "the client hears Degraded");
        var degraded = probe.Healths.First(h => h.State == UpstreamState.Degraded);
        Assert.Contains("500", degraded.LastError);
        Assert.NotNull(degraded.LastSuccessAt);
    }

    [Fact]
    public async Task Hub_FiftyClients_UpstreamIsPolledOncePerIntervalNotPerClient()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SutWebHost.StartOnClockAsync(clock, new Dictionary<string, string?> { ["Eggplant:PollInterval"] = "00:00:01" });
        var poller = host.Services.GetRequiredService<PollerStatus>();
        var probes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => HubProbe.ConnectAsync(host.BaseAddress)));
        try
        {
            var before = await host.GetStatsAsync();
            for (var interval = 1; interval <= 5; interval++)
            {
                var completed = poller.CompletedPolls;
                clock.Advance(TimeSpan.FromSeconds(1));
                await Eventually.UntilAsync(() => poller.CompletedPolls > completed, $"poll {interval} has finished");
            }
            var after = await host.GetStatsAsync();

            Assert.Equal(before.StatusRequests + 5, after.StatusRequests);
            Assert.All(probes, p => Assert.Equal(host.Board.Current.Version, p.State!.Version));
        }
        finally
        {
            foreach (var probe in probes)
            {
                await probe.DisposeAsync();
            }
        }
    }
}
