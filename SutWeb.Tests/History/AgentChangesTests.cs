using SutWeb.History;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.History;

public sealed class AgentChangesTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Between_AgentArrivesRunning_ConnectedAndItsRun()
    {
        var writes = AgentChanges.Between(null, Agent("running", "e1"), At).ToList();

        Assert.Equal(AgentEventKinds.Connected, Assert.IsType<EventWrite>(writes[0]).Kind);
        var run = Assert.IsType<RunWrite>(writes[1]);
        Assert.Equal(("e1", RunOutcomes.Running, "lab-1", 5001), (run.ExecutionId, run.Outcome, run.AgentName, run.Port));
    }

    [Fact]
    public void Between_RunFinishes_OneRunWriteWithTheOutcomeAndNoStateEvent()
    {
        var run = Assert.IsType<RunWrite>(Assert.Single(AgentChanges.Between(Agent("running", "e1"), Agent("failed", "e1"), At)));

        Assert.Equal(RunOutcomes.Failed, run.Outcome);
    }

    [Fact]
    public void Between_LogChangesDuringRun_NothingToWrite()
    {
        Assert.Empty(AgentChanges.Between(Agent("running", "e1"), Agent("running", "e1") with { LastLog = "step 2" }, At));
    }

    [Fact]
    public void Between_AgentLeavesMidRun_DisconnectedAndRunLost()
    {
        var writes = AgentChanges.Between(Agent("running", "e1"), null, At).ToList();

        Assert.Equal(AgentEventKinds.Disconnected, Assert.IsType<EventWrite>(writes[0]).Kind);
        var lost = Assert.IsType<RunWrite>(writes[1]);
        Assert.Equal((RunOutcomes.Lost, (DateTimeOffset?)null), (lost.Outcome, lost.EndTime));
    }

    [Fact]
    public void Between_NextRunBeganBetweenPolls_PreviousLostAndNextWritten()
    {
        var writes = AgentChanges.Between(Agent("running", "e1"), Agent("running", "e2"), At).Cast<RunWrite>().ToList();

        Assert.Equal([("e1", RunOutcomes.Lost), ("e2", RunOutcomes.Running)], writes.Select(w => (w.ExecutionId, w.Outcome)));
    }

    [Fact]
    public void Between_FinishedRunClearedToIdle_StateChanged()
    {
        var change = Assert.IsType<EventWrite>(Assert.Single(AgentChanges.Between(Agent("passed", "e1"), Agent(null, null), At)));

        Assert.Equal((AgentEventKinds.StateChanged, "Idle"), (change.Kind, change.State));
    }

    [Fact]
    public void Between_StatusTheContractDoesNotName_KeptAsTheServerSentIt()
    {
        var run = Assert.IsType<RunWrite>(Assert.Single(AgentChanges.Between(Agent("running", "e1"), Agent("Aborting", "e1"), At)));

        Assert.Equal("Aborting", run.Outcome);
    }

    [Fact]
    public void RunWrite_LongLog_KeepsItsLast4KiB()
    {
        var log = new string('a', 10_000) + "the end";

        var run = RunWrite.Of(Agent("failed", "e1") with { LastLog = log }, At)!;

        Assert.Equal(RunOutcomes.MaxLastLogChars, run.LastLog!.Length);
        Assert.EndsWith("the end", run.LastLog);
    }

    private static AgentView Agent(string? status, string? executionId) => new()
    {
        Key = "lab-1:5001",
        AgentName = "lab-1",
        Port = 5001,
        State = status is null ? AgentState.Idle : SutWeb.Shared.Mapping.AgentStates.From(status, true),
        Execution = status is null ? null : new ExecutionView
        {
            Id = executionId,
            Status = status,
            ModelName = "Login",
            StartTime = At.AddMinutes(-3),
            EndTime = status == "running" ? null : At,
        },
    };
}
