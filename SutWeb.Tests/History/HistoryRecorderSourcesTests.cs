using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SutWeb.Eggplant;
using SutWeb.History;
using SutWeb.Monitoring;
using SutWeb.Shared.Mapping;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.History;

/// <summary>The recorder on a board with two sources, driven directly: each source is recorded from its own first answer.</summary>
public sealed class HistoryRecorderSourcesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Record_SourceNotAnsweredYet_NothingOfItIsRecordedAndNoneOfItsRunsIsClosed()
    {
        var (board, pending, recorder) = Create();
        board.PublishAgents("default", [Agent("default", "mac", "e1")], Now);
        board.PublishHealth("default", "Simulator", Answered());
        board.PublishHealth("lab-a", "Lab A", new UpstreamHealth { State = UpstreamState.Unreachable });

        recorder.Record(board.Current, null);

        var writes = pending.Take(100);
        Assert.Equal(["default"], writes.OfType<ReconcileWrite>().Select(r => r.Source));
        Assert.All(writes, w => Assert.Equal("default", w.Source));
        Assert.Equal("e1", Assert.Single(writes.OfType<RunWrite>()).ExecutionId);
    }

    [Fact]
    public void Record_SecondSourceAnswersLater_ItsWholeBoardIsSentThenChangesFollow()
    {
        var (board, pending, recorder) = Create();
        board.PublishAgents("default", [], Now);
        board.PublishHealth("default", "Simulator", Answered());
        board.PublishHealth("lab-a", "Lab A", new UpstreamHealth { State = UpstreamState.Unreachable });
        recorder.Record(board.Current, null);
        pending.Take(100);
        pending.Completed();

        board.PublishAgents("lab-a", [Agent("lab-a", "win", "e7")], Now.AddSeconds(2));
        board.PublishHealth("lab-a", "Lab A", Answered());
        recorder.Record(board.Current, null);
        var first = pending.Take(100);
        pending.Completed();
        board.PublishAgents("lab-a", [], Now.AddSeconds(4));
        recorder.Record(board.Current, new HashSet<string> { "lab-a/win:1" });
        var next = pending.Take(100);

        var reconcile = Assert.Single(first.OfType<ReconcileWrite>());
        Assert.Equal(("lab-a", "win"), (reconcile.Source, Assert.Single(reconcile.Agents).AgentName));
        Assert.Equal(["e7"], reconcile.RunningExecutionIds);
        Assert.DoesNotContain(first.OfType<EventWrite>(), e => e.Kind == AgentEventKinds.Connected); // the reconcile decides that
        Assert.Equal(AgentEventKinds.Disconnected, Assert.IsType<EventWrite>(next[0]).Kind);
        Assert.Equal(("e7", RunOutcomes.Lost), (Assert.IsType<RunWrite>(next[1]).ExecutionId, ((RunWrite)next[1]).Outcome));
    }

    private static UpstreamHealth Answered() => new() { State = UpstreamState.Healthy, LastSuccessAt = Now };

    private static (AgentBoard Board, PendingWrites Pending, HistoryRecorder Recorder) Create()
    {
        var board = new AgentBoard();
        var pending = new PendingWrites(1000);
        var status = new HistoryStatus();
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var recorder = new HistoryRecorder(board, pending, status, new HistoryMetrics(meters, pending, status),
            Microsoft.Extensions.Options.Options.Create(new EggplantOptions()), TimeProvider.System, NullLogger<HistoryRecorder>.Instance);
        return (board, pending, recorder);
    }

    private static AgentView Agent(string source, string name, string executionId) => new()
    {
        Key = AgentKeys.For(source, name, 1),
        AgentName = name,
        Port = 1,
        Source = source,
        State = AgentState.Running,
        Execution = new ExecutionView { Id = executionId, Status = "running", StartTime = Now.AddMinutes(-1) },
    };
}
