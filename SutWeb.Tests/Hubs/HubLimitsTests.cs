using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SutWeb.Shared.Hub;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Hubs;

/// <summary>What one client, and all of them together, may ask of the hub; past it, the client is told why.</summary>
public sealed class HubLimitsTests
{
    [Fact]
    public async Task GetSnapshot_OverTheCallsPerMinute_FailsWithAClearMessageForThatConnectionOnly()
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?> { ["Hub:SnapshotCallsPerMinute"] = "3" });
        await using var eager = await HubProbe.ConnectAsync(host.BaseAddress); // call 1
        await eager.GetSnapshotAsync();
        await eager.GetSnapshotAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => eager.GetSnapshotAsync());
        await using var other = await HubProbe.ConnectAsync(host.BaseAddress);

        Assert.Contains("Hub:SnapshotCallsPerMinute", refused.Message);
        Assert.Contains("3 calls a minute", refused.Message);
        Assert.NotNull(other.State);
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, eager.Connection.State);
    }

    [Fact]
    public async Task Connect_OverMaxConnections_IsClosedWithAClearMessageAndAdmittedOnceOneLeaves()
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?> { ["Hub:MaxConnections"] = "2" });
        var first = await HubProbe.ConnectAsync(host.BaseAddress);
        await using var second = await HubProbe.ConnectAsync(host.BaseAddress);
        await using var third = new HubConnectionBuilder().WithUrl(new Uri(host.BaseAddress, StatusHubContract.Path.TrimStart('/'))).Build();
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        third.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };

        Exception? refusal;
        try
        {
            await third.StartAsync();
            refusal = await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception e)
        {
            refusal = e;
        }

        Assert.NotNull(refusal);
        Assert.Contains("Hub:MaxConnections", refusal.Message);
        Assert.Contains("maximum of 2", refusal.Message);

        await first.DisposeAsync();
        await Eventually.UntilAsync(async () =>
        {
            await using var later = new HubConnectionBuilder().WithUrl(new Uri(host.BaseAddress, StatusHubContract.Path.TrimStart('/'))).Build();
            try
            {
                await later.StartAsync();
                await later.InvokeAsync<JsonElement>(StatusHubContract.GetSnapshot);
                return true;
            }
            catch (Exception e) when (e is HubException or InvalidOperationException or TaskCanceledException)
            {
                return false;
            }
        }, "a connection is admitted once one has left");
    }

    [Theory]
    [InlineData("Hub:MaxConnections")]
    [InlineData("Hub:SnapshotCallsPerMinute")]
    public async Task Start_LimitBelowOne_StopsTheHostNamingTheSetting(string setting)
    {
        var refused = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            SutWebHost.StartAsync(new Dictionary<string, string?> { [setting] = "0" }));

        Assert.Contains(setting, refused.Message);
    }
}
