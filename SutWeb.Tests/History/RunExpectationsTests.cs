using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SutWeb.History;
using SutWeb.History.Expectations;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.History;

/// <summary>
/// Usual durations and track records read from a real database and kept up to date from the board, the same tests on
/// each provider (<see cref="SqliteRunExpectationsTests"/>, <see cref="PostgresRunExpectationsTests"/>).
/// </summary>
public abstract class RunExpectationsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<HistoryTestDatabase> NewDatabaseAsync();

    /// <summary>Login on lab-1 took 1, 2, ... 25 minutes, oldest first; around them, runs that must not count.</summary>
    private static IEnumerable<HistoryWrite> LoginRuns()
    {
        for (var minutes = 1; minutes <= 25; minutes++)
        {
            var start = Now.AddHours(-30 + minutes);
            yield return Run($"login-{minutes}", "lab-1", start, minutes % 3 == 0 ? RunOutcomes.Failed : RunOutcomes.Passed, TimeSpan.FromMinutes(minutes));
        }
        yield return Run("other-source", "lab-3", Now.AddMinutes(-30), RunOutcomes.Passed, TimeSpan.FromMinutes(100), source: "lab-b");
        yield return Run("other-model", "lab-3", Now.AddMinutes(-20), RunOutcomes.Passed, TimeSpan.FromMinutes(200), model: "Checkout");
        yield return Run("lost", "lab-1", Now.AddMinutes(-10), RunOutcomes.Lost, null);
        yield return Run("running", "lab-2", Now.AddMinutes(-5), RunOutcomes.Running, null);
    }

    [SkippableFact]
    public async Task Durations_TwentyFiveFinishedRuns_MedianOfTheLastTwentyOfThatModelHere()
    {
        await using var test = await NewDatabaseAsync();
        var database = await test.OpenAsync();
        await new HistoryStore(database).ApplyAsync([.. LoginRuns()], [], CancellationToken.None);

        var samples = await new ExpectationQueries(database).DurationsAsync(new HistoryKey("default", "Login"), CancellationToken.None);

        // The last twenty took 6 to 25 minutes: the median is between 15 and 16.
        Assert.Equal(Enumerable.Range(6, 20).Reverse().Select(m => m * 60.0), samples.Select(s => s.Seconds));
        Assert.Equal(TimeSpan.FromMinutes(15.5), RunExpectation.Median(samples.Select(s => s.Seconds)));
    }

    [SkippableFact]
    public async Task TrackRecord_FailuresAfterAPass_StreakLastPassAndOutcomesNewestFirst()
    {
        await using var test = await NewDatabaseAsync();
        var database = await test.OpenAsync();
        await new HistoryStore(database).ApplyAsync(
        [
            Run("p1", "lab-1", Now.AddHours(-7), RunOutcomes.Passed, TimeSpan.FromMinutes(2)),
            Run("i1", "lab-1", Now.AddHours(-6.5), RunOutcomes.Incomplete, TimeSpan.FromMinutes(2)),
            Run("p2", "lab-1", Now.AddHours(-6), RunOutcomes.Passed, TimeSpan.FromMinutes(3)),
            Run("f1", "lab-1", Now.AddHours(-5), RunOutcomes.Failed, TimeSpan.FromMinutes(2)),
            Run("f2", "lab-1", Now.AddHours(-4), RunOutcomes.Failed, TimeSpan.FromMinutes(2)),
            Run("lost", "lab-1", Now.AddHours(-3), RunOutcomes.Lost, null),
            Run("f3", "lab-1", Now.AddHours(-2), RunOutcomes.Failed, TimeSpan.FromMinutes(2)),
            Run("now", "lab-1", Now.AddHours(-1), RunOutcomes.Running, null),
            Run("someone-else", "lab-2", Now.AddHours(-1), RunOutcomes.Passed, TimeSpan.FromMinutes(2)),
            Run("elsewhere", "lab-1", Now.AddHours(-1), RunOutcomes.Passed, TimeSpan.FromMinutes(2), source: "lab-b"),
        ], [], CancellationToken.None);

        var record = await new ExpectationQueries(database).TrackRecordAsync(new HistoryKey("default", "lab-1"), CancellationToken.None);

        Assert.Equal(["f3", "lost", "f2", "f1", "p2", "i1", "p1"], record.Last.Select(r => r.ExecutionId));
        Assert.Equal(RunOutcomes.Lost, record.Last[1].Outcome);
        Assert.Equal(new RunStreak(RunOutcomes.Failed, 3), record.Streak);
        Assert.Equal(Now.AddHours(-6).AddMinutes(3), record.LastPassedAt);
    }

    [SkippableFact]
    public async Task TrackRecord_TwelveFailuresInARow_CountsPastTheTenOnTheStrip()
    {
        await using var test = await NewDatabaseAsync();
        var database = await test.OpenAsync();
        await new HistoryStore(database).ApplyAsync(
        [
            Run("passed", "lab-1", Now.AddHours(-13), RunOutcomes.Passed, TimeSpan.FromMinutes(2)),
            .. Enumerable.Range(1, 12).Select(i => Run($"f{i}", "lab-1", Now.AddHours(-13 + i), RunOutcomes.Failed, TimeSpan.FromMinutes(2))),
        ], [], CancellationToken.None);

        var record = await new ExpectationQueries(database).TrackRecordAsync(new HistoryKey("default", "lab-1"), CancellationToken.None);

        Assert.Equal(RunExpectations.OutcomeCount, record.Last.Count);
        Assert.Equal("f12", record.Last[0].ExecutionId);
        Assert.Equal(new RunStreak(RunOutcomes.Failed, 12), record.Streak);
    }

    [SkippableFact]
    public async Task Loader_RunsStartAndFinishOnTheBoard_ExpectationAndStreakFollowWithoutWaitingForTheDatabase()
    {
        await using var test = await NewDatabaseAsync();
        var database = await test.OpenAsync();
        await new HistoryStore(database).ApplyAsync([.. LoginRuns()], [], CancellationToken.None);
        var board = new AgentBoard();
        var expectations = new RunExpectations();
        using var loader = new RunExpectationsLoader(board, expectations, new ExpectationQueries(database), Opened(), TimeProvider.System, NullLogger<RunExpectationsLoader>.Instance);
        await loader.StartAsync(CancellationToken.None);
        try
        {
            // lab-1 starts a Login run: its model's usual duration is read.
            var started = Now.AddMinutes(-1);
            board.PublishAgents([Agent("lab-1", "exec-new", RunOutcomes.Running, started, null)], Now);
            await Eventually.UntilAsync(() => expectations.For("default", "Login") is not null, "the usual duration of Login is read");
            Assert.Equal(new RunExpectation(TimeSpan.FromMinutes(15.5), 20), expectations.For("default", "Login"));
            Assert.Null(expectations.For("lab-b", "Login")); // Read only when a run of it starts there.

            expectations.Request("default", "lab-1");
            await Eventually.UntilAsync(() => expectations.ForAgent("default", "lab-1") is not null, "lab-1's record is read");
            Assert.Equal("lost", expectations.ForAgent("default", "lab-1")!.Last[0].ExecutionId);

            // It fails after 30 minutes: counted at once, from the board (the recorder is not even running here).
            board.PublishAgents([Agent("lab-1", "exec-new", RunOutcomes.Failed, started, started.AddMinutes(30))], Now.AddMinutes(30));
            await Eventually.UntilAsync(() => expectations.ForAgent("default", "lab-1")!.Last[0].ExecutionId == "exec-new", "the failure reaches lab-1's record");

            var record = expectations.ForAgent("default", "lab-1")!;
            Assert.Equal(RunOutcomes.Failed, record.Last[0].Outcome);
            // Before it: 25 minutes (passed), 24 (failed); Lost runs neither break nor extend a streak.
            Assert.Equal(new RunStreak(RunOutcomes.Failed, 1), record.Streak);
            Assert.Equal(Now.AddHours(-5).AddMinutes(25), record.LastPassedAt);
            // The last twenty are now 7 to 25 minutes and 30: the median is between 16 and 17.
            Assert.Equal(TimeSpan.FromMinutes(16.5), expectations.For("default", "Login")!.Usual);
        }
        finally
        {
            await loader.StopAsync(CancellationToken.None);
        }
    }

    [SkippableFact]
    public async Task Loader_MoreModelsThanItsCapacity_KeepsTheMostRecentlyUsed()
    {
        await using var test = await NewDatabaseAsync();
        var database = await test.OpenAsync();
        string[] models = ["A", "B", "C"];
        await new HistoryStore(database).ApplyAsync(
            [.. models.SelectMany(m => Enumerable.Range(1, 3).Select(i => Run($"{m}-{i}", "lab-1", Now.AddHours(-i), RunOutcomes.Passed, TimeSpan.FromMinutes(i), model: m)))],
            [], CancellationToken.None);
        var board = new AgentBoard();
        var expectations = new RunExpectations(capacity: 2);
        using var loader = new RunExpectationsLoader(board, expectations, new ExpectationQueries(database), Opened(), TimeProvider.System, NullLogger<RunExpectationsLoader>.Instance);
        await loader.StartAsync(CancellationToken.None);
        try
        {
            foreach (var (model, i) in models.Select((m, i) => (m, i)))
            {
                board.PublishAgents([Agent("lab-1", $"run-{model}", RunOutcomes.Running, Now, null, model)], Now.AddSeconds(i));
                await Eventually.UntilAsync(() => expectations.For("default", model) is not null, $"model {model} is read");
            }

            Assert.InRange(expectations.ModelCount, 1, 2);
            Assert.Equal(TimeSpan.FromMinutes(2), expectations.For("default", "C")!.Usual);
            Assert.Null(expectations.For("default", "A"));
        }
        finally
        {
            await loader.StopAsync(CancellationToken.None);
        }
    }

    [SkippableFact]
    public async Task Host_RunsThroughTheSimulator_UsualDurationAndStreakAlsoAfterARestart()
    {
        await using var database = await NewDatabaseAsync();
        await using (var host = await HistoryHost.StartAsync(database))
        {
            for (var i = 0; i < 3; i++)
            {
                // Each finished run took 90 s (HistoryAgents).
                var id = Guid.NewGuid().ToString();
                var start = DateTimeOffset.UtcNow.AddMinutes(-10 + i);
                await host.PutAgentAsync("lab-1", HistoryAgents.WithRun("lab-1", 5001, id, "Running", "Checkout", start));
                await host.PutAgentAsync("lab-1", HistoryAgents.WithRun("lab-1", 5001, id, "Failed", "Checkout", start));
                await host.RunAsync(id, RunOutcomes.Failed);
            }
            var live = host.Services.GetRequiredService<RunExpectations>();

            await Eventually.UntilAsync(() => live.For("default", "Checkout")?.Runs == 3, "three runs of Checkout make its usual duration");
            Assert.Equal(TimeSpan.FromSeconds(90), live.For("default", "Checkout")!.Usual);
        }

        await using (var host = await HistoryHost.StartAsync(database))
        {
            var expectations = host.Services.GetRequiredService<RunExpectations>();
            await host.PutAgentAsync("lab-1", HistoryAgents.WithRun("lab-1", 5001, Guid.NewGuid().ToString(), "Running", "Checkout", DateTimeOffset.UtcNow));

            await Eventually.UntilAsync(() => expectations.For("default", "Checkout") is not null, "the usual duration of Checkout is read after the restart");
            Assert.Equal(new RunExpectation(TimeSpan.FromSeconds(90), 3), expectations.For("default", "Checkout"));
            expectations.Request("default", "lab-1");
            await Eventually.UntilAsync(() => expectations.ForAgent("default", "lab-1") is not null, "lab-1's record is read after the restart");
            Assert.Equal(new RunStreak(RunOutcomes.Failed, 3), expectations.ForAgent("default", "lab-1")!.Streak);
        }
    }

    private static HistoryStatus Opened()
    {
        var status = new HistoryStatus();
        status.Opened();
        return status;
    }

    private static RunWrite Run(string executionId, string agentName, DateTimeOffset start, string outcome, TimeSpan? duration, string model = "Login", string source = "default") =>
        HistoryStoreTests.Run(executionId, agentName, start, outcome, model, source) with { EndTime = start + duration };

    private static AgentView Agent(string name, string executionId, string outcome, DateTimeOffset start, DateTimeOffset? end, string model = "Login") => new()
    {
        Key = name + ":5001",
        AgentName = name,
        Port = 5001,
        ProcessId = 4001,
        State = Enum.Parse<AgentState>(outcome),
        Execution = new ExecutionView { Id = executionId, ModelName = model, Status = outcome, StartTime = start, EndTime = end },
    };
}
