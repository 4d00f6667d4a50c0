using System.Text.Json;
using SutWeb.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.History;

/// <summary>
/// History as a user finds it after the board saw runs come and go, through the real host and its simulator; the same
/// tests on each provider (<see cref="SqliteHistoryRecorderTests"/>, <see cref="PostgresHistoryRecorderTests"/>).
/// </summary>
public abstract class HistoryRecorderTests
{
    /// <summary>A database of its own for one test; skips (or fails under CI=true) when the provider is missing.</summary>
    protected abstract Task<HistoryTestDatabase> NewDatabaseAsync();

    [SkippableTheory]
    [InlineData("Passed")]
    [InlineData("Failed")]
    [InlineData("Incomplete")]
    [InlineData("Aborting")]
    public async Task Recorder_RunFromStartToOutcome_StoresTheRunAndItsEvents(string outcome)
    {
        await using var database = await NewDatabaseAsync();
        await using var host = await HistoryHost.StartAsync(database);
        var id = Guid.NewGuid().ToString();
        var start = DateTimeOffset.UtcNow.AddSeconds(-90);

        await host.PutAgentAsync("lab-1", HistoryAgents.WithRun("lab-1", 5001, id, "Running", model: "Checkout", start: start));
        var running = await host.RunAsync(id, RunOutcomes.Running);
        Assert.Null(running.EndTime);
        await host.PutAgentAsync("lab-1", HistoryAgents.WithRun("lab-1", 5001, id, outcome, model: "Checkout", start: start));

        var run = await host.RunAsync(id, outcome);
        Assert.Equal(("default", "lab-1", 5001, "Checkout", "tester"), (run.Source, run.AgentName, run.Port, run.ModelName, run.UserName));
        Assert.NotNull(run.EndTime);
        Assert.Equal(90, run.DurationSeconds!.Value, precision: 0);
        Assert.Contains(outcome, run.LastLog);
        await Eventually.UntilAsync(async () => (await host.EventsAsync("lab-1")).Any(e => e.Kind == AgentEventKinds.RunFinished),
            "the run's end is an event");
        var events = await host.EventsAsync("lab-1");
        Assert.Equal(
            [(AgentEventKinds.Connected, "Running"), (AgentEventKinds.RunStarted, "Running"), (AgentEventKinds.RunFinished, outcome)],
            events.OrderBy(e => e.Kind == AgentEventKinds.Connected ? 0 : e.Kind == AgentEventKinds.RunStarted ? 1 : 2).Select(e => (e.Kind, e.State)));
        Assert.All(events.Where(e => e.Kind != AgentEventKinds.Connected), e => Assert.Equal(id, e.ExecutionId));
    }

    [SkippableFact]
    public async Task Recorder_AgentDisconnectsMidRun_RunIsLost()
    {
        await using var database = await NewDatabaseAsync();
        await using var host = await HistoryHost.StartAsync(database);
        var id = Guid.NewGuid().ToString();
        await host.PutAgentAsync("lab-2", HistoryAgents.WithRun("lab-2", 5002, id, "Running"));
        await host.RunAsync(id, RunOutcomes.Running);

        await host.DeleteAgentAsync("lab-2");

        var run = await host.RunAsync(id, RunOutcomes.Lost);
        Assert.Null(run.EndTime);
        Assert.Null(run.DurationSeconds);
        await Eventually.UntilAsync(async () => (await host.EventsAsync("lab-2")).Any(e => e.Kind == AgentEventKinds.Disconnected),
            "the disconnect is an event");
        var events = await host.EventsAsync("lab-2");
        Assert.Contains(events, e => e.Kind == AgentEventKinds.RunFinished && e.State == RunOutcomes.Lost && e.ExecutionId == id);
    }

    [SkippableFact]
    public async Task Recorder_AgentGoesIdleAfterRun_RecordsStateChange()
    {
        await using var database = await NewDatabaseAsync();
        await using var host = await HistoryHost.StartAsync(database);
        var id = Guid.NewGuid().ToString();
        await host.PutAgentAsync("lab-3", HistoryAgents.WithRun("lab-3", 5003, id, "Passed"));
        await host.RunAsync(id, RunOutcomes.Passed);

        await host.PutAgentAsync("lab-3", HistoryAgents.Idle("lab-3", 5003));

        await Eventually.UntilAsync(async () => (await host.EventsAsync("lab-3")).Any(e => e.Kind == AgentEventKinds.StateChanged && e.State == "Idle"),
            "the agent's change to idle is an event");
        Assert.Equal(RunOutcomes.Passed, (await host.RunAsync(id, RunOutcomes.Passed)).Outcome);
    }

    [SkippableFact]
    public async Task Restart_RunLeftUnderWayAndGone_HistoryKeptAndRunClosedAsLost()
    {
        await using var database = await NewDatabaseAsync();
        var finished = Guid.NewGuid().ToString();
        var underWay = Guid.NewGuid().ToString();
        await using (var first = await HistoryHost.StartAsync(database))
        {
            await first.PutAgentAsync("done-agent", HistoryAgents.WithRun("done-agent", 5101, finished, "Passed"));
            await first.PutAgentAsync("busy-agent", HistoryAgents.WithRun("busy-agent", 5102, underWay, "Running"));
            await first.RunAsync(finished, RunOutcomes.Passed);
            await first.RunAsync(underWay, RunOutcomes.Running);
        }

        // The next life's simulator starts empty: the busy agent is not on the board any more.
        await using var second = await HistoryHost.StartAsync(database);

        var lost = await second.RunAsync(underWay, RunOutcomes.Lost);
        Assert.Equal("busy-agent", lost.AgentName);
        Assert.Equal(RunOutcomes.Passed, (await second.RunAsync(finished, RunOutcomes.Passed)).Outcome);
        await Eventually.UntilAsync(async () => (await second.EventsAsync("busy-agent")).Any(e => e.Kind == AgentEventKinds.Disconnected),
            "the agent that is gone is recorded as disconnected");
        var events = await second.EventsAsync("done-agent");
        Assert.Single(events, e => e.Kind == AgentEventKinds.Connected);
    }

    [SkippableFact]
    public async Task Restart_LostRunSeenAgain_FinishesWithOneStart()
    {
        await using var database = await NewDatabaseAsync();
        var id = Guid.NewGuid().ToString();
        await using (var first = await HistoryHost.StartAsync(database))
        {
            await first.PutAgentAsync("long-agent", HistoryAgents.WithRun("long-agent", 5103, id, "Running"));
            await first.RunAsync(id, RunOutcomes.Running);
        }
        await using var second = await HistoryHost.StartAsync(database);
        await second.PutAgentAsync("long-agent", HistoryAgents.WithRun("long-agent", 5103, id, "Running"));
        await second.PutAgentAsync("long-agent", HistoryAgents.WithRun("long-agent", 5103, id, "Passed"));

        await second.RunAsync(id, RunOutcomes.Passed);
        await Eventually.UntilAsync(async () => (await second.EventsAsync("long-agent")).Any(e => e.Kind == AgentEventKinds.RunFinished && e.State == RunOutcomes.Passed),
            "the run's end is an event");
        Assert.Single(await second.EventsAsync("long-agent"), e => e.Kind == AgentEventKinds.RunStarted);
    }

    [SkippableFact]
    public async Task DatabaseStoppedMidRun_WithinBound_NothingLostAndReadyzDegradedMeanwhile()
    {
        await using var database = await NewDatabaseAsync();
        await using var host = await HistoryHost.StartAsync(database);
        var id = Guid.NewGuid().ToString();
        await host.PutAgentAsync("lab-4", HistoryAgents.WithRun("lab-4", 5004, id, "Running"));
        await host.RunAsync(id, RunOutcomes.Running);

        await database.StopAsync();
        try
        {
            await host.PutAgentAsync("lab-4", HistoryAgents.WithRun("lab-4", 5004, id, "Failed"));
            await host.PutAgentAsync("lab-5", HistoryAgents.Idle("lab-5", 5005));
            await Eventually.UntilAsync(async () => await HistoryReadinessAsync(host) == "Degraded", "/readyz reports history degraded");
            // The board did not wait for the database.
            Assert.Contains(host.Board.Current.Agents, a => a.AgentName == "lab-5");
            Assert.Equal("Failed", host.Board.Current.Agents.Single(a => a.AgentName == "lab-4").Execution!.Status);
        }
        finally
        {
            await database.StartAsync();
        }

        await host.RunAsync(id, RunOutcomes.Failed, TimeSpan.FromSeconds(60));
        await Eventually.UntilAsync(async () => await HistoryReadinessAsync(host) == "Healthy", "/readyz reports history healthy again", TimeSpan.FromSeconds(60));
        await Eventually.UntilAsync(async () => (await host.EventsAsync("lab-5")).Any(e => e.Kind == AgentEventKinds.Connected),
            "the agent that connected while the database was stopped is recorded");
        Assert.Empty(await host.Queries().GapsAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.Equal(0, host.Recording().Dropped);
    }

    [SkippableFact]
    public async Task DatabaseStoppedMidRun_BeyondBound_GapRecordedCountedAndBoardWrittenAgain()
    {
        await using var database = await NewDatabaseAsync();
        // Room for the start-up reconcile, lab-6's connection and its run, so nothing is dropped before the outage.
        await using var host = await HistoryHost.StartAsync(database, new Dictionary<string, string?> { ["History:MaxPendingWrites"] = "4" });
        var id = Guid.NewGuid().ToString();
        await host.PutAgentAsync("lab-6", HistoryAgents.WithRun("lab-6", 5006, id, "Running"));
        await host.RunAsync(id, RunOutcomes.Running);
        Assert.Equal(0, host.Recording().Dropped);

        await database.StopAsync();
        try
        {
            await Eventually.UntilAsync(async () =>
            {
                await host.PutAgentAsync("lab-6", HistoryAgents.WithRun("lab-6", 5006, id, "Passed"));
                await host.PutAgentAsync("lab-6", HistoryAgents.WithRun("lab-6", 5006, id, "Running"));
                foreach (var port in Enumerable.Range(5010, 5))
                {
                    await host.PutAgentAsync($"burst-{port}", HistoryAgents.Idle($"burst-{port}", port));
                }
                return host.Recording().Dropped > 0;
            }, "writes past History:MaxPendingWrites are dropped");
            await host.PutAgentAsync("lab-6", HistoryAgents.WithRun("lab-6", 5006, id, "Passed"));
            await Eventually.UntilAsync(
                () => host.Board.Current.Agents.Single(a => a.AgentName == "lab-6").Execution!.Status == "Passed", "the board shows the run passed");
        }
        finally
        {
            await database.StartAsync();
        }

        // Every dropped write is in a gap row: one, or more when drops went on while an earlier count was being written.
        var gaps = await WaitForGapsAsync(host);
        Assert.All(gaps, gap =>
        {
            Assert.Equal("default", gap.Source);
            Assert.True(gap.From <= gap.To);
        });
        Assert.Contains("history_dropped_writes", await host.Http.GetStringAsync("/metrics"));
        // Caught up from the board: the run's end and every agent that connected meanwhile.
        await host.RunAsync(id, RunOutcomes.Passed, TimeSpan.FromSeconds(60));
        foreach (var port in Enumerable.Range(5010, 5))
        {
            await Eventually.UntilAsync(async () => (await host.EventsAsync($"burst-{port}")).Any(e => e.Kind == AgentEventKinds.Connected),
                $"burst-{port}'s connection is recorded");
        }
        var readyz = JsonDocument.Parse(await host.Http.GetStringAsync("/readyz")).RootElement.GetProperty("checks").GetProperty("history");
        Assert.True(readyz.GetProperty("data").GetProperty("droppedWrites").GetInt64() > 0);
    }

    /// <summary>The gap rows, once they account for every write the recorder counted as dropped.</summary>
    private static async Task<IReadOnlyList<HistoryGap>> WaitForGapsAsync(SutWebHost host)
    {
        IReadOnlyList<HistoryGap> gaps = [];
        await Eventually.UntilAsync(async () =>
        {
            try
            {
                gaps = await host.Queries().GapsAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return false;
            }
            return gaps.Count > 0 && gaps.Sum(g => (long)g.DroppedRuns + g.DroppedEvents) == host.Recording().Dropped;
        }, "the gaps account for every dropped write", TimeSpan.FromSeconds(60));
        return gaps;
    }

    /// <summary>The <c>history</c> entry of <c>/readyz</c>, as a monitor reads it.</summary>
    private static async Task<string> HistoryReadinessAsync(SutWebHost host)
    {
        using var response = await host.Http.GetAsync("/readyz");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("checks").GetProperty("history").GetProperty("status").GetString()!;
    }
}
