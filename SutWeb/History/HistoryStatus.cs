namespace SutWeb.History;

/// <summary>What the writer last found, for <c>/readyz</c> and the metrics; written by the writer only.</summary>
public sealed class HistoryStatus
{
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _dropped;

    public HistoryState State { get; private set; } = HistoryState.Starting;

    /// <summary>Why the database is unavailable, as the provider said it (no connection string in it).</summary>
    public string? LastError { get; private set; }

    /// <summary>When the database last took a batch.</summary>
    public DateTimeOffset? LastWriteAt { get; private set; }

    /// <summary>Writes dropped since start because the database was unavailable for longer than the bound covered.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Completes once the writer has created and migrated the database, so that others may use its tables.</summary>
    public Task WhenOpened => _opened.Task;

    public void Healthy(DateTimeOffset at)
    {
        LastWriteAt = at;
        LastError = null;
        State = HistoryState.Healthy;
    }

    public void Opened()
    {
        LastError = null;
        State = HistoryState.Healthy;
        _opened.TrySetResult();
    }

    public void Degraded(string error)
    {
        LastError = error;
        State = HistoryState.Degraded;
    }

    public void CountDropped() => Interlocked.Increment(ref _dropped);
}
