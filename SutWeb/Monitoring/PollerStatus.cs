namespace SutWeb.Monitoring;

/// <summary>What the poller is doing right now: for readiness checks, metrics and tests that step a fake clock.</summary>
public sealed class PollerStatus
{
    private long _ticks;
    private long _completedPolls;
    private int _inFlight;
    private string? _stall;

    /// <summary>Timer ticks handled so far (each starts a poll or, while one is in flight, checks it is overdue).</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    /// <summary>Polls finished so far, successful or not.</summary>
    public long CompletedPolls => Interlocked.Read(ref _completedPolls);

    public bool InFlight => Volatile.Read(ref _inFlight) == 1;

    /// <summary>Whether the watchdog finds that no poll has completed for too long (<see cref="PollerWatchdog"/>).</summary>
    public bool Stalled => Stall is not null;

    /// <summary>What the watchdog says about the stall, or null while polls complete.</summary>
    public string? Stall => Volatile.Read(ref _stall);

    internal void SetStall(string? stall) => Volatile.Write(ref _stall, stall);

    internal void PollStarted() => Volatile.Write(ref _inFlight, 1);

    internal void PollCompleted()
    {
        Volatile.Write(ref _inFlight, 0);
        Interlocked.Increment(ref _completedPolls);
    }

    internal void TickHandled() => Interlocked.Increment(ref _ticks);
}
