using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Reliability;

/// <summary>
/// A long run at a high change rate: 300 simulated agents with activity every 200 ms, polled every 500 ms (tens of
/// agents change in every poll), with many hub clients and a few browser pages open. The rate is chosen so that the
/// load generators themselves fit on a 2-core machine beside the dashboard. Samples the dashboard process's memory, handles and threads, and at the
/// end checks that every client still holds exactly the board.
/// </summary>
public static class SoakRun
{
    public static async Task<object> RunAsync(TimeSpan duration, int clientCount, int pageCount)
    {
        await using var host = await ReliabilityBench.StartDashboardAsync(new Dictionary<string, string>
        {
            ["Simulator:AgentCount"] = "300",
            ["Simulator:ActivityInterval"] = "00:00:00.200",
            ["Eggplant:PollInterval"] = "00:00:00.500",
        });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var simulator = new SimulatorControl(http);
        var clients = new List<HubProbe>();
        for (var i = 0; i < clientCount; i++)
        {
            clients.Add(await HubProbe.ConnectAsync(host.BaseAddress, reconnect: true, keepHistory: false));
        }
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var pages = new List<IPage>();
        for (var i = 0; i < pageCount; i++)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(host.BaseAddress, i % 2 == 0 ? "/" : "/wall").ToString());
            pages.Add(page);
        }

        var samples = new List<object>();
        var first = host.Sample();
        var clock = Stopwatch.StartNew();
        var every = duration < TimeSpan.FromMinutes(10) ? TimeSpan.FromSeconds(30) : TimeSpan.FromMinutes(2);
        (double RssMiB, int Handles, int Threads) last = first;
        while (clock.Elapsed < duration)
        {
            await Task.Delay(every);
            last = host.Sample();
            using var readiness = await http.GetAsync("readyz"); // 503 while not ready, with the same details
            var ready = await readiness.Content.ReadFromJsonAsync<JsonElement>();
            var version = ready.GetProperty("checks").EnumerateObject().First().Value.GetProperty("data").GetProperty("version");
            var stats = await simulator.GetStatsAsync();
            samples.Add(new
            {
                minute = clock.Elapsed.TotalMinutes,
                rssMiB = last.RssMiB,
                openHandles = last.Handles,
                threads = last.Threads,
                boardVersion = version.GetInt64(),
                statusRequests = stats.StatusRequests,
                clientResyncs = clients.Sum(c => c.Resyncs - 1),
                clientReconnects = clients.Sum(c => c.Reconnects),
            });
            Console.Error.WriteLine(FiguresFile.ToJson(samples[^1]));
        }

        // Quiet the upstream, then every client must hold exactly what a fresh snapshot says.
        await simulator.SetActivityAsync(false);
        var reference = await HubProbe.ConnectAsync(host.BaseAddress, keepHistory: false);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await reference.ResyncAsync();
        var board = reference.State!;
        var matching = 0;
        foreach (var client in clients)
        {
            if (await Eventually.TryUntilAsync(() => client.State!.Version >= board.Version, TimeSpan.FromSeconds(30)))
            {
                matching += client.State!.Agents.SequenceEqual(board.Agents) ? 1 : 0;
            }
        }
        var livePages = 0;
        foreach (var page in pages)
        {
            livePages += await page.Locator("[data-testid=agent-row], [data-testid=wall-tile]").CountAsync() > 0 ? 1 : 0;
        }

        var report = new
        {
            minutes = duration.TotalMinutes,
            agents = 300,
            activityIntervalMs = 200,
            pollIntervalMs = 500,
            hubClients = clientCount,
            browserPages = pageCount,
            start = new { rssMiB = first.RssMiB, openHandles = first.Handles, threads = first.Threads },
            samples,
            end = new
            {
                hubClientsHoldingTheBoard = matching,
                boardVersion = board.Version,
                agents = board.Agents.Count,
                pagesShowingAgents = livePages,
            },
        };
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
        await reference.DisposeAsync();
        return report;
    }
}
