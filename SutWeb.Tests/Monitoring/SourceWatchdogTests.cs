using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Eggplant.Sources;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Monitoring;

/// <summary>Every source's poller is watched: a stuck lab-b shows on lab-b's health, log and readiness, not on default's.</summary>
public sealed class SourceWatchdogTests
{
    private static readonly byte[] Agents = Encoding.UTF8.GetBytes("""[{"agent_name":"mac","port":5400,"process_id":1}]""");

    [Fact]
    public async Task Watchdog_SecondSourcePollHangs_ReportsTheStallOnThatSourceOnly()
    {
        await using var servers = await TwoScriptedSources.StartAsync(Agents, "lab-b", "Lab B");
        TaskCompletionSource? hang = null;
        await using var host = await SutWebHost.StartAsync(
            servers.Settings(new() { ["Eggplant:RequestTimeout"] = "00:00:01" }),
            s => s.AddHttpClient(EggplantSourceServiceCollectionExtensions.StatusClientName("lab-b"))
                .AddHttpMessageHandler(() => new HangingHandler(() => Volatile.Read(ref hang)?.Task)));
        await Eventually.UntilAsync(() => host.Board.Current.Health is { State: UpstreamState.Healthy, Sources.Count: 2 }, "both sources healthy");

        Volatile.Write(ref hang, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await Eventually.UntilAsync(() => PollerWatchdog.Reports(host.Board.SourceHealth("lab-b")), "the watchdog reports lab-b's stall");
            using var readyz = await host.Http.GetAsync("/readyz");
            var check = JsonDocument.Parse(await readyz.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("eggplant-upstream");

            Assert.Equal(UpstreamState.Unreachable, host.Board.SourceHealth("lab-b").State);
            Assert.False(PollerWatchdog.Reports(host.Board.SourceHealth("default")));
            Assert.True(UpstreamFreshness.IsFresh(host.Board.SourceHealth("default"), DateTimeOffset.UtcNow));
            Assert.False(host.Services.GetRequiredService<PollerStatus>().Stalled);
            Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
            Assert.Equal("Degraded", check.GetProperty("status").GetString());
            Assert.Matches(@"^Lab B: No poll has completed for \d+ s \(poller stalled\)$", check.GetProperty("description").GetString());
            var labB = check.GetProperty("data").GetProperty("sources").EnumerateArray().Single(e => e.GetProperty("source").GetString() == "lab-b");
            Assert.True(labB.GetProperty("pollerStalled").GetBoolean());
            var warning = Assert.Single(host.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("the poller is stalled", StringComparison.Ordinal));
            Assert.Contains("(source lab-b)", warning);
            Assert.Contains("scope: Source=lab-b", warning, StringComparison.Ordinal);
        }
        finally
        {
            Interlocked.Exchange(ref hang, null)?.SetResult();
        }
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
