using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Eggplant;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Monitoring;

/// <summary>
/// The watchdog against a poll that hangs for good, ignoring cancellation (the deadline cannot end it): the log,
/// <c>/readyz</c> and the board's health say that no poll completes, and all of it clears when polls complete again.
/// </summary>
public sealed class PollerWatchdogTests
{
    [Fact]
    public async Task Watchdog_PollHangingPastEveryDeadline_SaysSoInTheLogReadyzAndOnScreenUntilPollsComplete()
    {
        TaskCompletionSource? hang = null;
        await using var host = await SutWebHost.StartAsync(
            new Dictionary<string, string?> { ["Eggplant:RequestTimeout"] = "00:00:01" },
            s => s.AddHttpClient(nameof(EggplantClient)).AddHttpMessageHandler(() => new HangingHandler(() => Volatile.Read(ref hang)?.Task)));
        await host.SetActivityAsync(false);
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "healthy");

        Volatile.Write(ref hang, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await Eventually.UntilAsync(() => PollerWatchdog.Reports(host.Board.Current.Health), "the watchdog reports the stall");
        var seconds = StalledSeconds(host.Board.Current.Health);
        // 3 × (RequestTimeout 1 s + PollInterval 0.25 s)
        Assert.InRange(seconds, 3.75, 60);
        Assert.Equal(UpstreamState.Unreachable, host.Board.Current.Health.State);
        // On screen: the health chip on the desk and the wall's stale banner, as the server renders them.
        Assert.Contains("Updates stalled", await host.Http.GetStringAsync("/"));
        Assert.Contains("Updates stalled", await host.Http.GetStringAsync("/wall"));
        var (status, check) = await ReadyzAsync(host);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.True(check.GetProperty("data").GetProperty("pollerStalled").GetBoolean());
        Assert.Matches(@"^No poll has completed for \d+ s \(poller stalled\)$", check.GetProperty("description").GetString());
        // The stall goes on (the overdue check of the stuck loop does not overwrite it); still one warning.
        await Eventually.UntilAsync(() => PollerWatchdog.Reports(host.Board.Current.Health) && StalledSeconds(host.Board.Current.Health) >= seconds + 2,
            "the stall has lasted two seconds more");
        Assert.Single(host.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("the poller is stalled", StringComparison.Ordinal));

        var release = hang!;
        Volatile.Write(ref hang, null);
        release.SetResult();
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "healthy again");
        await Eventually.UntilAsync(() => host.Logs.Lines.Any(l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("complete again", StringComparison.Ordinal)),
            "the watchdog says polls complete again");
        await Eventually.UntilAsync(async () => (await ReadyzAsync(host)).Status == HttpStatusCode.OK, "ready again");
        Assert.False((await ReadyzAsync(host)).Check.GetProperty("data").GetProperty("pollerStalled").GetBoolean());
    }

    private static double StalledSeconds(UpstreamHealth health) =>
        double.Parse(Regex.Match(health.LastError!, @"for (\d+) s").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<(HttpStatusCode Status, JsonElement Check)> ReadyzAsync(SutWebHost host)
    {
        using var response = await host.Http.GetAsync("/readyz");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, body.GetProperty("checks").GetProperty("eggplant-upstream").Clone());
    }

    /// <summary>While <paramref name="hang"/> gives a task, every call waits for it, deaf to cancellation.</summary>
    private sealed class HangingHandler(Func<Task?> hang) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (hang() is { } held)
            {
                await held;
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
