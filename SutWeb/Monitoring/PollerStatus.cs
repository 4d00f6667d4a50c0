namespace SutWeb.Monitoring;

/// <summary>
/// The poller's progress as others watch it: the watchdog counts completed polls, readiness reads the stall, and
/// telemetry hears of every poll's outcome (<see cref="Polled"/>). The poller keeps its own state (whether a poll is
/// in flight) and reads only the stall here, so as not to overwrite the watchdog's word on the board.
/// </summary>
public sealed class PollerStatus
{
    private long _completedPolls;
    private string? _stall;
    private long _intervalTicks;
    private TaskCompletionSource _pollNow = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Action? _forwardPollNow;

    /// <summary>Every poll that reached the server or failed on the way, with its duration, as soon as it is known.</summary>
    public event Action<PollOutcome>? Polled;

    /// <summary>Polls finished so far, successful or not.</summary>
    public long CompletedPolls => Interlocked.Read(ref _completedPolls);

    /// <summary>Whether the watchdog finds that no poll has completed for too long (<see cref="PollerWatchdog"/>).</summary>
    public bool Stalled => Stall is not null;

    /// <summary>What the watchdog says about the stall, or null while polls complete.</summary>
    public string? Stall => Volatile.Read(ref _stall);

    /// <summary>
    /// The wait the poller is in before its next poll (its pace, or a back-off; zero before its first), against which
    /// the watchdog judges a stall, so that a quiet or backed-off poller is not taken for a stuck one. The poller's
    /// <see cref="PollPace"/> holds it; this is its copy after each poll, safe to read from another thread.
    /// </summary>
    public TimeSpan Interval => TimeSpan.FromTicks(Interlocked.Read(ref _intervalTicks));

    /// <summary>
    /// Asks for a poll now rather than at the next tick (after an abort, so the board shows the run's end soon). A poll in
    /// flight is not cut short: the next one starts as soon as it ends, since it may have asked before the change. On a
    /// scale-out follower, which does not poll, the request goes to the leader (<see cref="ForwardPollNow"/>).
    /// </summary>
    public void PollNow()
    {
        if (Volatile.Read(ref _forwardPollNow) is { } forward)
        {
            forward();
            return;
        }
        Volatile.Read(ref _pollNow).TrySetResult();
    }

    /// <summary>Completes when <see cref="PollNow"/> has been asked since the poller last started a poll.</summary>
    internal Task PollNowRequested => Volatile.Read(ref _pollNow).Task;

    /// <summary>The poller starts a poll: a request made before is answered by it, one made from now on asks for another.</summary>
    internal void PollStarting()
    {
        var current = Volatile.Read(ref _pollNow);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _pollNow, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
        }
    }

    /// <summary>
    /// Where <see cref="PollNow"/> goes while this replica does not poll (the board replicator sends it to the leader
    /// through Redis); null while it polls.
    /// </summary>
    internal void ForwardPollNow(Action? forward) => Volatile.Write(ref _forwardPollNow, forward);

    internal void SetInterval(TimeSpan interval) => Interlocked.Exchange(ref _intervalTicks, interval.Ticks);

    internal void SetStall(string? stall) => Volatile.Write(ref _stall, stall);

    internal void Report(PollOutcome outcome) => Polled?.Invoke(outcome);

    internal void PollCompleted() => Interlocked.Increment(ref _completedPolls);
}
