using Microsoft.Extensions.Options;

namespace SutWeb.History;

/// <summary>
/// Drains <see cref="PendingWrites"/> into the database on its own task, a batch per transaction. It opens the
/// database first (creating and migrating it); while that or a write fails it reports history Degraded, keeps the
/// batch, and tries again with a growing pause, so a stopped database costs memory within the bound and nothing else.
/// Once the database is back it records the gaps counted meanwhile and asks the recorder to send the board again.
/// </summary>
public sealed partial class HistoryWriter(
    HistoryDatabase database,
    HistoryStore store,
    PendingWrites pending,
    HistoryStatus status,
    HistoryMetrics metrics,
    TimeProvider timeProvider,
    IOptions<HistoryOptions> options,
    ILogger<HistoryWriter> logger) : BackgroundService
{
    /// <summary>Writes per transaction: large enough for a burst of 10,000 agents in a few, small enough to hold no lock long.</summary>
    public const int BatchSize = 500;

    private static readonly TimeSpan ShutdownFlush = TimeSpan.FromSeconds(5);

    private readonly DatabaseRetry _retry = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await OpenAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await pending.WaitAsync(stoppingToken);
                if (!await WriteBatchAsync(stoppingToken))
                {
                    await Task.Delay(_retry.Next(), timeProvider, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushAsync();
        }
    }

    /// <summary>
    /// At shutdown (the recorder has stopped before the writer), what is still pending is written while the database
    /// takes it, for at most <see cref="ShutdownFlush"/>; a run left open is closed as Lost by the next start anyway.
    /// </summary>
    private async Task FlushAsync()
    {
        if (status.State != HistoryState.Healthy)
        {
            return;
        }
        using var deadline = new CancellationTokenSource(ShutdownFlush, timeProvider);
        try
        {
            while (pending.Count > 0 && await WriteBatchAsync(deadline.Token))
            {
            }
        }
        catch (OperationCanceledException)
        {
        }
        if (pending.Count > 0)
        {
            LogUnflushed(logger, pending.Count);
        }
    }

    private async Task OpenAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await database.MigrateAsync(stoppingToken);
                status.Opened();
                LogOpened(logger, database.Describe());
                _retry.Reset();
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Fail("open", e);
                await Task.Delay(_retry.Next(), timeProvider, stoppingToken);
            }
        }
    }

    /// <returns>False when the database failed the batch (kept for the next try).</returns>
    private async Task<bool> WriteBatchAsync(CancellationToken stoppingToken)
    {
        var batch = pending.Take(BatchSize);
        var gaps = pending.TakeGaps();
        if (batch.Count == 0 && gaps.Count == 0)
        {
            return true;
        }
        try
        {
            await store.ApplyAsync(batch, gaps, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            pending.ReturnGaps(gaps);
            Fail("write", e);
            return false;
        }
        pending.Completed();
        var now = timeProvider.GetUtcNow();
        foreach (var write in batch)
        {
            metrics.Written(now - write.At);
        }
        if (status.State == HistoryState.Degraded)
        {
            LogRecovered(logger, pending.Count);
        }
        status.Healthy(now);
        _retry.Reset();
        foreach (var gap in gaps)
        {
            LogGap(logger, gap.Source, gap.DroppedRuns, gap.DroppedEvents, gap.From, gap.To, options.Value.MaxPendingWrites);
        }
        if (gaps.Count > 0)
        {
            pending.RequestResync();
        }
        return true;
    }

    private void Fail(string what, Exception e)
    {
        // The provider's message names the fault (refused connection, locked file), never the password.
        var error = $"The history database cannot {what}: {e.GetBaseException().Message}";
        if (status.State != HistoryState.Degraded)
        {
            LogUnavailable(logger, database.Describe(), e.GetBaseException().Message, options.Value.MaxPendingWrites);
        }
        status.Degraded(error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "History is kept in {Where}")]
    private static partial void LogOpened(ILogger logger, string where);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "History cannot reach {Where} ({Error}); the board stays live, and up to {Bound} writes (History:MaxPendingWrites) wait for it")]
    private static partial void LogUnavailable(ILogger logger, string where, string error, int bound);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History stopped with {Pending} writes unwritten; runs left open are closed as Lost at the next start")]
    private static partial void LogUnflushed(ILogger logger, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "History's database is back; {Pending} writes are catching up")]
    private static partial void LogRecovered(ILogger logger, int pending);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "History of source {Source} has a gap: {Runs} run writes and {Events} events between {From:O} and {To:O} were dropped past History:MaxPendingWrites ({Bound}); recorded as a gap, and the board's state is written again")]
    private static partial void LogGap(ILogger logger, string source, int runs, int events, DateTimeOffset from, DateTimeOffset to, int bound);
}
