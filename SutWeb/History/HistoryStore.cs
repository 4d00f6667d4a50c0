using Microsoft.EntityFrameworkCore;

namespace SutWeb.History;

/// <summary>
/// Applies the recorder's writes to the database, one batch per transaction: all of it or none of it, so that a batch
/// that failed can be tried again whole. Run events are made here, from the stored row, so that they are right after
/// a restart or a gap as well.
/// </summary>
public sealed class HistoryStore(HistoryDatabase database)
{
    public async Task ApplyAsync(IReadOnlyList<HistoryWrite> writes, IReadOnlyList<HistoryGap> gaps, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var runs = await LoadRunsAsync(context, writes, cancellationToken);
        foreach (var write in writes)
        {
            switch (write)
            {
                case RunWrite run:
                    Apply(context, runs, run);
                    break;
                case EventWrite change:
                    context.AgentEvents.Add(Clean(change.ToRow()));
                    break;
                case ReconcileWrite reconcile:
                    await context.SaveChangesAsync(cancellationToken);
                    await ReconcileAsync(context, reconcile, cancellationToken);
                    break;
                case RetireSourcesWrite retire:
                    await context.SaveChangesAsync(cancellationToken);
                    await RetireAsync(context, retire, cancellationToken);
                    break;
            }
        }
        foreach (var gap in gaps)
        {
            context.Gaps.Add(new HistoryGap
            {
                Source = gap.Source,
                From = gap.From,
                To = gap.To,
                DroppedRuns = gap.DroppedRuns,
                DroppedEvents = gap.DroppedEvents,
            });
        }
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The stored rows of the batch's runs, by source and execution id, in one query per source.</summary>
    private static async Task<Dictionary<(string, string), HistoryRun>> LoadRunsAsync(
        HistoryDbContext context, IReadOnlyList<HistoryWrite> writes, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<(string, string), HistoryRun>();
        foreach (var source in writes.OfType<RunWrite>().GroupBy(r => r.Source))
        {
            var ids = source.Select(r => r.ExecutionId).Distinct().ToList();
            foreach (var chunk in ids.Chunk(500))
            {
                var found = await context.Runs.Where(r => r.Source == source.Key && chunk.Contains(r.ExecutionId)).ToListAsync(cancellationToken);
                foreach (var row in found)
                {
                    rows[(row.Source, row.ExecutionId)] = row;
                }
            }
        }
        return rows;
    }

    private static void Apply(HistoryDbContext context, Dictionary<(string, string), HistoryRun> runs, RunWrite write)
    {
        if (!runs.TryGetValue((write.Source, write.ExecutionId), out var row))
        {
            row = write.ToRow();
            write.CopyTo(row);
            Clean(row);
            context.Runs.Add(row);
            runs[(write.Source, write.ExecutionId)] = row;
            context.AgentEvents.Add(RunEvent(row, RunOutcomes.IsRunning(row.Outcome) ? AgentEventKinds.RunStarted : AgentEventKinds.RunFinished, write.At));
            return;
        }
        var wasOpen = RunOutcomes.IsRunning(row.Outcome) || row.Outcome == RunOutcomes.Lost;
        if (!wasOpen && RunOutcomes.IsRunning(write.Outcome))
        {
            return; // A finished run never runs again; this is an older picture of it.
        }
        // Lost then seen to finish after all (its agent came back): the real end is news as well.
        var finishes = wasOpen && !RunOutcomes.IsRunning(write.Outcome) && write.Outcome != row.Outcome;
        write.CopyTo(row);
        Clean(row);
        if (finishes)
        {
            context.AgentEvents.Add(RunEvent(row, AgentEventKinds.RunFinished, write.At));
        }
    }

    /// <summary>Runs stored as running that the board does not show running are Lost; connects and disconnects history lacks are added.</summary>
    private static async Task ReconcileAsync(HistoryDbContext context, ReconcileWrite reconcile, CancellationToken cancellationToken)
    {
        var open = await context.Runs.Where(r => r.Source == reconcile.Source && r.Outcome == RunOutcomes.Running).ToListAsync(cancellationToken);
        foreach (var run in open.Where(r => !reconcile.RunningExecutionIds.Contains(r.ExecutionId)))
        {
            Lose(context, run, reconcile.At);
        }
        // The last connect or disconnect of each agent of this source (the latest written: one writer writes them in
        // the order they happened); only those last seen connected matter.
        var last = await context.AgentEvents
            .Where(e => e.Source == reconcile.Source && (e.Kind == AgentEventKinds.Connected || e.Kind == AgentEventKinds.Disconnected))
            .GroupBy(e => new { e.AgentName, e.Port })
            .Select(g => g.Max(e => e.Id))
            .ToListAsync(cancellationToken);
        var connected = new List<(string AgentName, int? Port)>();
        foreach (var chunk in last.Chunk(500))
        {
            connected.AddRange((await context.AgentEvents
                .Where(e => chunk.Contains(e.Id) && e.Kind == AgentEventKinds.Connected)
                .Select(e => new { e.AgentName, e.Port })
                .ToListAsync(cancellationToken)).Select(e => (e.AgentName, e.Port)));
        }
        var stillConnected = connected.ToHashSet();
        var onBoard = reconcile.Agents.Select(a => (a.AgentName, a.Port)).ToHashSet();
        // Two connections of one name and port (keys name:port#2) are one agent to history.
        foreach (var agent in reconcile.Agents.Where(a => !stillConnected.Contains((a.AgentName, a.Port))).DistinctBy(a => (a.AgentName, a.Port)))
        {
            context.AgentEvents.Add(Clean(new HistoryEvent
            {
                At = reconcile.At, Source = reconcile.Source, AgentName = agent.AgentName, Port = agent.Port,
                Kind = AgentEventKinds.Connected, State = agent.State,
            }));
        }
        foreach (var (agentName, port) in stillConnected.Where(c => !onBoard.Contains(c)))
        {
            context.AgentEvents.Add(new HistoryEvent
            {
                At = reconcile.At, Source = reconcile.Source, AgentName = agentName, Port = port,
                Kind = AgentEventKinds.Disconnected, State = "Unknown",
            });
        }
    }

    private static async Task RetireAsync(HistoryDbContext context, RetireSourcesWrite retire, CancellationToken cancellationToken)
    {
        var configured = retire.Configured.ToList();
        var open = await context.Runs.Where(r => r.Outcome == RunOutcomes.Running && !configured.Contains(r.Source)).ToListAsync(cancellationToken);
        foreach (var run in open)
        {
            Lose(context, run, retire.At);
        }
    }

    private static void Lose(HistoryDbContext context, HistoryRun run, DateTimeOffset at)
    {
        run.Outcome = RunOutcomes.Lost;
        run.EndTime = null;
        run.DurationSeconds = null;
        run.UpdatedAt = at;
        context.AgentEvents.Add(RunEvent(run, AgentEventKinds.RunFinished, at));
    }

    /// <summary>The run's own times when the server gave them: a run caught up after a gap keeps when it really started and ended.</summary>
    private static HistoryEvent RunEvent(HistoryRun run, string kind, DateTimeOffset observedAt) => new()
    {
        At = kind == AgentEventKinds.RunStarted ? run.StartTime : run.EndTime ?? observedAt,
        Source = run.Source,
        AgentName = run.AgentName,
        Port = run.Port,
        Kind = kind,
        State = run.Outcome,
        ExecutionId = run.ExecutionId,
    };

    /// <summary>PostgreSQL refuses the NUL character in text, which a log may carry; one such row must not block history.</summary>
    private static HistoryRun Clean(HistoryRun row)
    {
        row.AgentName = NoNul(row.AgentName)!;
        row.ModelName = NoNul(row.ModelName);
        row.UserName = NoNul(row.UserName);
        row.Type = NoNul(row.Type);
        row.Initiator = NoNul(row.Initiator);
        row.RunId = NoNul(row.RunId);
        row.Outcome = NoNul(row.Outcome)!;
        row.LastLog = NoNul(row.LastLog);
        return row;
    }

    private static HistoryEvent Clean(HistoryEvent row)
    {
        row.AgentName = NoNul(row.AgentName)!;
        row.State = NoNul(row.State)!;
        return row;
    }

    private static string? NoNul(string? text) => text?.Contains('\0') == true ? text.Replace("\0", "", StringComparison.Ordinal) : text;
}
