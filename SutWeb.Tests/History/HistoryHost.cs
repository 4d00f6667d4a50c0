using Microsoft.Extensions.DependencyInjection;
using SutWeb.History;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.History;

/// <summary>The real SutWeb host recording into a test database, with a simulator that does only what a test tells it.</summary>
internal static class HistoryHost
{
    public static async Task<SutWebHost> StartAsync(HistoryTestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(database.Settings) { ["Simulator:AgentCount"] = "0" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var host = await SutWebHost.StartAsync(all);
        await host.SetActivityAsync(false);
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "the first poll has answered");
        await Eventually.UntilAsync(() => host.Recording().State == HistoryState.Healthy, "history has opened its database");
        return host;
    }

    public static HistoryQueries Queries(this SutWebHost host) => host.Services.GetRequiredService<HistoryQueries>();

    public static HistoryStatus Recording(this SutWebHost host) => host.Services.GetRequiredService<HistoryStatus>();

    /// <summary>The stored run of <paramref name="executionId"/> once it has <paramref name="outcome"/>.</summary>
    public static async Task<HistoryRun> RunAsync(this SutWebHost host, string executionId, string outcome, TimeSpan? timeout = null)
    {
        HistoryRun? found = null;
        var stored = await Eventually.TryUntilAsync(async () =>
        {
            found = await FindRunAsync(host.Queries(), executionId);
            return found?.Outcome == outcome;
        }, timeout ?? Eventually.DefaultTimeout);
        if (!stored)
        {
            var history = string.Join('\n', host.Logs.Lines.Where(l => l.Contains("History", StringComparison.Ordinal)).TakeLast(20));
            throw new TimeoutException($"Timed out waiting until run {executionId} is stored as {outcome} (it is {found?.Outcome ?? "not stored"}). History's log:\n{history}");
        }
        return found!;
    }

    public static async Task<HistoryRun?> FindRunAsync(HistoryQueries queries, string executionId)
    {
        try
        {
            var page = await queries.RunsAsync(new RunQuery { Limit = RunQuery.MaxLimit });
            return page.Items.FirstOrDefault(r => r.ExecutionId == executionId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null; // The database may be the one a test has stopped.
        }
    }

    /// <summary>The agent's stored events, newest first.</summary>
    public static async Task<IReadOnlyList<HistoryEvent>> EventsAsync(this SutWebHost host, string agentName) =>
        (await host.Queries().EventsAsync(new EventQuery { AgentName = agentName, Limit = RunQuery.MaxLimit })).Items;
}
