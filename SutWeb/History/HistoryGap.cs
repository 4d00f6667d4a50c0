namespace SutWeb.History;

/// <summary>
/// Writes that history could not keep: the database was unavailable for longer than <c>History:MaxPendingWrites</c>
/// covered. One row per source and episode, so that a reader knows that history between <see cref="From"/> and
/// <see cref="To"/> is incomplete rather than empty.
/// </summary>
public sealed class HistoryGap
{
    public long Id { get; set; }

    public required string Source { get; set; }

    /// <summary>The board's time of the first write dropped.</summary>
    public DateTimeOffset From { get; set; }

    /// <summary>The board's time of the last write dropped.</summary>
    public DateTimeOffset To { get; set; }

    /// <summary>Run writes dropped (a run still on the board is written again once the database is back).</summary>
    public int DroppedRuns { get; set; }

    /// <summary>Agent events dropped.</summary>
    public int DroppedEvents { get; set; }
}
