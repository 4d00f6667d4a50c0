using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace SutWeb.History;

/// <summary>
/// Retention: every <c>History:PruneInterval</c> (on <see cref="TimeProvider"/>), deletes runs that started before
/// <c>History:KeepRuns</c> and events and gaps older than <c>History:KeepEvents</c>, <see cref="ChunkSize"/> rows per
/// statement, each its own short transaction, so the recorder's writes and the pages' reads are never held up for
/// long. On SQLite the freed pages then go back to the file system a few at a time.
/// </summary>
public sealed partial class HistoryPruner(
    HistoryDatabase database,
    HistoryStatus status,
    HistoryMetrics metrics,
    TimeProvider timeProvider,
    IOptions<HistoryOptions> options,
    ILogger<HistoryPruner> logger) : BackgroundService
{
    public const int ChunkSize = 500;

    /// <summary>Pages given back per step: 1,000 SQLite pages of 4 KiB are 4 MiB.</summary>
    private const int ReclaimPages = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(options.Value.PruneInterval, timeProvider);
        try
        {
            do
            {
                if (status.State == HistoryState.Healthy)
                {
                    try
                    {
                        await PruneAsync(stoppingToken);
                    }
                    catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                    {
                        // The writer reports an unavailable database; retention just tries again next time.
                        LogFailed(logger, e.GetBaseException().Message);
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass: everything past its retention, in chunks.</summary>
    public async Task PruneAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var runsBefore = now - options.Value.KeepRuns;
        var eventsBefore = now - options.Value.KeepEvents;
        var runs = await InChunksAsync(c => c.Runs.Where(r => r.StartTime < runsBefore && r.Outcome != RunOutcomes.Running), cancellationToken);
        var events = await InChunksAsync(c => c.AgentEvents.Where(e => e.At < eventsBefore), cancellationToken);
        var gaps = await InChunksAsync(c => c.Gaps.Where(g => g.To < eventsBefore), cancellationToken);
        metrics.Pruned("runs", runs);
        metrics.Pruned("events", events);
        metrics.Pruned("gaps", gaps);
        if (runs + events + gaps > 0)
        {
            LogPruned(logger, runs, events, gaps);
            await database.ReclaimSpaceAsync(ReclaimPages, cancellationToken);
        }
    }

    /// <summary>Deletes the rows <paramref name="old"/> finds, a chunk per statement, until none is left; returns how many.</summary>
    private async Task<int> InChunksAsync<T>(Func<HistoryDbContext, IQueryable<T>> old, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var context = database.CreateContext();
            var deleted = await old(context).Take(ChunkSize).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
            if (deleted < ChunkSize)
            {
                return total;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "History retention deleted {Runs} runs, {Events} events and {Gaps} gaps (History:KeepRuns, History:KeepEvents)")]
    private static partial void LogPruned(ILogger logger, int runs, int events, int gaps);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History retention failed ({Error}); it tries again at the next History:PruneInterval")]
    private static partial void LogFailed(ILogger logger, string error);
}
