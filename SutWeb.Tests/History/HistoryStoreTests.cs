using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SutWeb.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.History;

/// <summary>
/// The store, the queries and retention on a real database, the same tests on each provider
/// (<see cref="SqliteHistoryStoreTests"/>, <see cref="PostgresHistoryStoreTests"/>).
/// </summary>
public abstract class HistoryStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<HistoryTestDatabase> NewDatabaseAsync();

    [SkippableFact]
    public async Task Runs_PagedNewestFirst_EveryRowOnceAcrossEqualTimes()
    {
        await using var test = await NewDatabaseAsync();
        var database = await test.OpenAsync();
        var store = new HistoryStore(database);
        // Five runs, three of them starting at the same instant: the cursor must split them without repeating one.
        var starts = new[] { Now.AddMinutes(-5), Now.AddMinutes(-3), Now.AddMinutes(-3), Now.AddMinutes(-3), Now.AddMinutes(-1) };
        await store.ApplyAsync([.. starts.Select((start, i) => Run($"run-{i}", "lab-1", start, RunOutcomes.Passed))], [], CancellationToken.None);
        var queries = new HistoryQueries(database);

        var seen = new List<string>();
        HistoryCursor? cursor = null;
        do
        {
            var page = await queries.RunsAsync(new RunQuery { Limit = 2, Cursor = cursor });
            Assert.InRange(page.Items.Count, 1, 2);
            seen.AddRange(page.Items.Select(r => r.ExecutionId));
            cursor = page.Next is { } next && HistoryCursor.TryParse(next.ToString(), out var parsed) ? parsed : null;
        }
        while (cursor is not null);

        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal("run-4", seen[0]);
        Assert.Equal("run-0", seen[^1]);
    }

    [SkippableFact]
    public async Task Runs_Filtered_OnlyMatchingRowsInTimeOrder()
    {
        await using var test = await NewDatabaseAsync();
        var database = await test.OpenAsync();
        await new HistoryStore(database).ApplyAsync(
        [
            Run("a", "lab-1", Now.AddHours(-3), RunOutcomes.Failed, model: "Login"),
            Run("b", "lab-1", Now.AddHours(-2), RunOutcomes.Passed, model: "Login"),
            Run("c", "lab-2", Now.AddHours(-1), RunOutcomes.Failed, model: "Login"),
            Run("d", "lab-1", Now.AddHours(-1), RunOutcomes.Failed, model: "Checkout"),
            Run("e", "lab-1", Now.AddMinutes(-30), RunOutcomes.Incomplete, model: "Login", source: "lab-b"),
        ], [], CancellationToken.None);
        var queries = new HistoryQueries(database);

        async Task<string> Ids(RunQuery query) => string.Join(",", (await queries.RunsAsync(query)).Items.Select(r => r.ExecutionId));

        Assert.Equal("c,a", await Ids(new RunQuery { ModelName = "Login", Outcomes = [RunOutcomes.Failed] }));
        Assert.Equal("d,b,a", await Ids(new RunQuery { Source = "default", AgentName = "lab-1" }));
        Assert.Equal("e", await Ids(new RunQuery { Source = "lab-b" }));
        Assert.Equal("b", await Ids(new RunQuery { From = Now.AddHours(-2), To = Now.AddHours(-1) }));
        Assert.Equal("e,d,c", await Ids(new RunQuery { Outcomes = [RunOutcomes.Incomplete, RunOutcomes.Failed], From = Now.AddHours(-1.5) }));
    }

    [SkippableFact]
    public async Task Events_PagedAndFiltered_NewestFirst()
    {
        await using var test = await NewDatabaseAsync();
        var database = await test.OpenAsync();
        await new HistoryStore(database).ApplyAsync(
        [
            new EventWrite("default", Now.AddMinutes(-3), "lab-1", 1, AgentEventKinds.Connected, "Idle", null),
            new EventWrite("default", Now.AddMinutes(-2), "lab-2", 2, AgentEventKinds.Connected, "Idle", null),
            new EventWrite("default", Now.AddMinutes(-1), "lab-1", 1, AgentEventKinds.Disconnected, "Idle", null),
        ], [], CancellationToken.None);
        var queries = new HistoryQueries(database);

        var first = await queries.EventsAsync(new EventQuery { AgentName = "lab-1", Limit = 1 });
        var second = await queries.EventsAsync(new EventQuery { AgentName = "lab-1", Limit = 1, Cursor = first.Next });

        Assert.Equal(AgentEventKinds.Disconnected, Assert.Single(first.Items).Kind);
        Assert.Equal(AgentEventKinds.Connected, Assert.Single(second.Items).Kind);
        Assert.Null(second.Next);
        Assert.Equal(2, (await queries.EventsAsync(new EventQuery { Kinds = [AgentEventKinds.Connected] })).Items.Count);
    }

    [SkippableFact]
    public async Task Store_TextWithNulCharacter_IsKeptWithoutIt()
    {
        await using var test = await NewDatabaseAsync();
        var database = await test.OpenAsync();
        await new HistoryStore(database).ApplyAsync([Run("nul", "lab-1", Now, RunOutcomes.Passed) with { LastLog = "before\0after" }], [], CancellationToken.None);

        var run = Assert.Single((await new HistoryQueries(database).RunsAsync(new RunQuery())).Items);
        Assert.Equal("beforeafter", run.LastLog);
    }

    [SkippableFact]
    public async Task Retention_OnFakeClock_DeletesWhatIsOlderThanKeepRunsAndKeepEvents()
    {
        await using var test = await NewDatabaseAsync();
        var database = await test.OpenAsync();
        await new HistoryStore(database).ApplyAsync(
        [
            Run("200-days", "lab-1", Now.AddDays(-200), RunOutcomes.Passed),
            Run("100-days", "lab-1", Now.AddDays(-100), RunOutcomes.Failed),
            Run("still-running", "lab-1", Now.AddDays(-300), RunOutcomes.Running),
            new EventWrite("default", Now.AddDays(-100), "lab-1", 1, AgentEventKinds.Connected, "Idle", null),
            new EventWrite("default", Now.AddDays(-10), "lab-2", 1, AgentEventKinds.Connected, "Idle", null),
        ], [new HistoryGap { Source = "default", From = Now.AddDays(-95), To = Now.AddDays(-94), DroppedEvents = 3 }], CancellationToken.None);
        var clock = new FakeTimeProvider(Now);
        var options = test.Options(o => o.PruneInterval = TimeSpan.FromHours(1));
        var status = new HistoryStatus();
        status.Opened();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new HistoryMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), new PendingWrites(10), status);
        using var pruner = new HistoryPruner(database, status, metrics, clock, Microsoft.Extensions.Options.Options.Create(options), NullLogger<HistoryPruner>.Instance);
        var queries = new HistoryQueries(database);

        async Task<string> Runs() => string.Join(",", (await queries.RunsAsync(new RunQuery())).Items.Select(r => r.ExecutionId));
        async Task<string> Connections() => string.Join(",", (await queries.EventsAsync(new EventQuery { Kinds = [AgentEventKinds.Connected] })).Items.Select(e => e.AgentName));

        await pruner.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.UntilAsync(async () => await Runs() == "100-days,still-running", "the run older than 180 days is deleted");
            await Eventually.UntilAsync(async () => await Connections() == "lab-2", "the event older than 90 days is deleted");
            await Eventually.UntilAsync(async () => (await queries.GapsAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Count == 0,
                "the gap older than 90 days is deleted");

            clock.Advance(TimeSpan.FromDays(81));

            await Eventually.UntilAsync(async () => await Runs() == "still-running", "81 days on, the 100-day-old run is past 180 days");
            await Eventually.UntilAsync(async () => await Connections() == "", "81 days on, the 10-day-old event is past 90 days");
        }
        finally
        {
            await pruner.StopAsync(CancellationToken.None);
        }
    }

    internal static RunWrite Run(string executionId, string agentName, DateTimeOffset start, string outcome, string model = "Login", string source = "default") =>
        new(source, start, executionId, agentName, 5001, null, 4001, model, "tester", "model", "api", start,
            outcome == RunOutcomes.Running ? null : start.AddMinutes(2), outcome, "log");

    protected static async Task<long> CountRunsAsync(HistoryDatabase database)
    {
        await using var context = database.CreateContext();
        return await context.Runs.LongCountAsync();
    }
}
