using SutWeb.Shared.Diffing;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Shared;

public sealed class StatusDifferTests
{
    private static readonly DateTimeOffset ObservedAt = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static AgentView Idle(string name, int? port = 5400) => new()
    {
        Key = port is { } p ? $"{name}:{p}" : name,
        AgentName = name,
        Port = port,
        ProcessId = 0,
        State = AgentState.Idle,
    };

    private static AgentView Running(string name, int? port = 5400, string? log = null) => Idle(name, port) with
    {
        ProcessId = 58914,
        State = AgentState.Running,
        ProcessStatus = "Running",
        LastLog = log,
        Execution = new ExecutionView
        {
            Id = "039c7261-9eda-45b3-a74a-441ba039dc09",
            ModelName = "BBCSport",
            UserName = "",
            StartTime = new DateTimeOffset(2018, 6, 1, 10, 6, 45, TimeSpan.FromHours(1)),
            Type = "model",
            AgentName = name,
            Initiator = "api",
            Status = "Running",
            ProcessId = 58914,
        },
    };

    // ---- Differ ----

    [Fact]
    public void Diff_AgentAdded_UpsertsIt()
    {
        var diff = StatusDiffer.Diff([Idle("alpha")], [Idle("alpha"), Idle("beta")], 1, ObservedAt);

        Assert.NotNull(diff);
        Assert.Equal("beta:5400", Assert.Single(diff.Upserted).Key);
        Assert.Empty(diff.Removed);
    }

    [Fact]
    public void Diff_FirstAgentsOnEmptyBoard_UpsertsThemAll()
    {
        var diff = StatusDiffer.Diff([], [Idle("alpha"), Running("beta")], 1, ObservedAt);

        Assert.NotNull(diff);
        Assert.Equal(["alpha:5400", "beta:5400"], diff.Upserted.Select(a => a.Key));
    }

    [Fact]
    public void Diff_AgentStartsRunning_UpsertsTheNewView()
    {
        var diff = StatusDiffer.Diff([Idle("alpha"), Idle("beta")], [Idle("alpha"), Running("beta")], 1, ObservedAt);

        Assert.NotNull(diff);
        var changed = Assert.Single(diff.Upserted);
        Assert.Equal("beta:5400", changed.Key);
        Assert.Equal(AgentState.Running, changed.State);
        Assert.Equal("BBCSport", changed.Execution?.ModelName);
        Assert.Empty(diff.Removed);
    }

    [Fact]
    public void Diff_LogGrows_UpsertsTheNewLog()
    {
        var diff = StatusDiffer.Diff([Running("alpha", log: "line 1\r\n")], [Running("alpha", log: "line 1\r\nline 2\r\n")], 1, ObservedAt);

        Assert.Equal("line 1\r\nline 2\r\n", Assert.Single(diff!.Upserted).LastLog);
    }

    [Fact]
    public void Diff_ExecutionFieldChanges_UpsertsTheAgent()
    {
        var before = Running("alpha");
        var after = before with { Execution = before.Execution! with { EndTime = new DateTimeOffset(2018, 6, 1, 10, 17, 2, TimeSpan.FromHours(1)), Status = "Passed" }, State = AgentState.Passed };

        var diff = StatusDiffer.Diff([before], [after], 1, ObservedAt);

        Assert.Equal(AgentState.Passed, Assert.Single(diff!.Upserted).State);
    }

    [Fact]
    public void Diff_StartTimeSameInstantOtherOffset_UpsertsTheAgent()
    {
        // A PostgreSQL server shows timestamps in its session time zone; after a daylight-saving change the same
        // start instant arrives with another offset, and boards that show the sent time must follow.
        var before = Running("alpha");
        var after = before with
        {
            Execution = before.Execution! with { StartTime = before.Execution.StartTime!.Value.ToOffset(TimeSpan.Zero) },
        };

        var diff = StatusDiffer.Diff([before], [after], 1, ObservedAt);

        Assert.NotNull(diff);
        Assert.Equal(TimeSpan.Zero, Assert.Single(diff.Upserted).Execution?.StartTime?.Offset);
    }

    [Fact]
    public void Diff_AgentRemoved_ListsItsKey()
    {
        var diff = StatusDiffer.Diff([Idle("alpha"), Idle("beta", null), Idle("gamma")], [Idle("alpha")], 1, ObservedAt);

        Assert.NotNull(diff);
        Assert.Empty(diff.Upserted);
        Assert.Equal(["beta", "gamma:5400"], diff.Removed);
    }

    [Fact]
    public void Diff_AllAgentsGone_RemovesThemAll()
    {
        var diff = StatusDiffer.Diff([Idle("alpha"), Idle("beta")], [], 4, ObservedAt);

        Assert.Equal(["alpha:5400", "beta:5400"], diff!.Removed);
    }

    [Fact]
    public void Diff_AddChangeAndRemoveTogether_ReportsEach()
    {
        var diff = StatusDiffer.Diff(
            [Idle("alpha"), Idle("beta"), Idle("gamma")],
            [Running("alpha"), Idle("beta"), Idle("delta")],
            1, ObservedAt);

        Assert.NotNull(diff);
        Assert.Equal(["alpha:5400", "delta:5400"], diff.Upserted.Select(a => a.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["gamma:5400"], diff.Removed);
    }

    [Fact]
    public void Diff_UnchangedSnapshot_ReturnsNull()
    {
        // Equal views built afresh on every poll, not the same objects.
        Assert.Null(StatusDiffer.Diff([Idle("alpha"), Running("beta", log: "x")], [Idle("alpha"), Running("beta", log: "x")], 1, ObservedAt));
    }

    [Fact]
    public void Diff_BothEmpty_ReturnsNull()
    {
        Assert.Null(StatusDiffer.Diff([], [], 1, ObservedAt));
    }

    [Fact]
    public void Diff_AnyChange_ToVersionIsFromVersionPlusOne()
    {
        var diff = StatusDiffer.Diff([], [Idle("alpha")], 41, ObservedAt);

        Assert.Equal(41, diff!.FromVersion);
        Assert.Equal(42, diff.ToVersion);
    }

    [Fact]
    public void Diff_AnyChange_CarriesTheObservationTime()
    {
        var at = new DateTimeOffset(2024, 3, 1, 13, 30, 0, TimeSpan.FromHours(1));

        var diff = StatusDiffer.Diff([], [Idle("alpha")], 1, at);

        Assert.Equal(at, diff!.ObservedAt);
        Assert.Equal(at.Offset, diff.ObservedAt.Offset);
    }

    // ---- Applier ----

    [Fact]
    public void Apply_SnapshotAtDiffStart_GivesNewVersionAgentsAndTime()
    {
        var health = new UpstreamHealth { State = UpstreamState.Healthy, LastSuccessAt = ObservedAt };
        var snapshot = new StatusSnapshot { Version = 7, ObservedAt = ObservedAt, Health = health, Agents = [Idle("alpha"), Idle("beta")] };
        var later = ObservedAt.AddSeconds(2);
        var diff = StatusDiffer.Diff(snapshot.Agents, [Running("alpha"), Idle("gamma")], 7, later)!;

        var next = StatusDiffApplier.Apply(snapshot, diff);

        Assert.Equal(8, next.Version);
        Assert.Equal(later, next.ObservedAt);
        Assert.Equal(health, next.Health);
        Assert.Equal([Running("alpha"), Idle("gamma")], next.Agents);
    }

    [Fact]
    public void Apply_DiffFromLaterVersion_ThrowsBecauseOfTheGap()
    {
        var snapshot = new StatusSnapshot { Version = 7, ObservedAt = ObservedAt, Health = UpstreamHealth.Starting, Agents = [Idle("alpha")] };
        var diff = StatusDiffer.Diff(snapshot.Agents, [Idle("beta")], 8, ObservedAt)!;

        var error = Assert.Throws<InvalidOperationException>(() => StatusDiffApplier.Apply(snapshot, diff));

        Assert.Contains("8", error.Message, StringComparison.Ordinal);
        Assert.Contains("7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_DiffFromEarlierVersion_Throws()
    {
        var snapshot = new StatusSnapshot { Version = 7, ObservedAt = ObservedAt, Health = UpstreamHealth.Starting, Agents = [Idle("alpha")] };
        var diff = StatusDiffer.Diff(snapshot.Agents, [Idle("beta")], 6, ObservedAt)!;

        Assert.Throws<InvalidOperationException>(() => StatusDiffApplier.Apply(snapshot, diff));
    }

    [Fact]
    public void Apply_ToList_KeepsOrdinalKeyOrder()
    {
        var diff = new StatusDiff
        {
            FromVersion = 1,
            ToVersion = 2,
            ObservedAt = ObservedAt,
            Upserted = [Idle("zulu"), Idle("Alpha"), Idle("beta")],
            Removed = ["gamma:5400"],
        };

        var agents = StatusDiffApplier.Apply([Idle("beta"), Idle("gamma")], diff);

        Assert.Equal(["Alpha:5400", "beta:5400", "zulu:5400"], agents.Select(a => a.Key));
    }

    [Fact]
    public void Apply_RemovedKeyNotPresent_IsHarmless()
    {
        var diff = new StatusDiff { FromVersion = 1, ToVersion = 2, ObservedAt = ObservedAt, Upserted = [], Removed = ["ghost"] };

        Assert.Equal([Idle("alpha")], StatusDiffApplier.Apply([Idle("alpha")], diff));
    }
}
