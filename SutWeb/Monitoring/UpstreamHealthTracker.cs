using SutWeb.Eggplant;
using SutWeb.Shared.Views;

namespace SutWeb.Monitoring;

/// <summary>
/// Derives upstream health from poll outcomes (docs/API.md section 3): Healthy after a good poll; Degraded while
/// failures have lasted less than the staleness limit (<see cref="UpstreamFreshness"/>); Unreachable after that or
/// while the circuit is open; Unauthorized when credentials, tokens or licences are refused. Every health it gives
/// carries the poll interval in force, against which pages, readiness and hub clients judge freshness. The interval is
/// the poller's <see cref="PollPace"/>'s, read when health is given: the pace is its one holder.
/// </summary>
public sealed class UpstreamHealthTracker(PollPace pace, string server = "the Eggplant server")
{
    /// <summary>
    /// The interval the board's activity asks for (<see cref="PollPace.Pace"/>): whether failures have lasted too long
    /// is judged against it, not against a back-off's longer waits.
    /// </summary>
    public TimeSpan PollInterval => pace.Pace;

    /// <summary>What health reports: the wait before the next poll, the pace or a failing poller's longer back-off.</summary>
    private double InForceSeconds => pace.Interval.TotalSeconds;

    /// <summary>
    /// A poll still waiting this long makes the data overdue: one and a half intervals, and at least 1.5 s, so that a
    /// poll merely a little slower than a short interval does not flap health (and the log) on every tick, while the
    /// second tick of a hung poll (two intervals in) always finds it overdue, whatever the timer's jitter.
    /// </summary>
    public TimeSpan OverdueAfter => TimeSpan.FromTicks(Math.Max(PollInterval.Ticks * 3 / 2, TimeSpan.FromSeconds(1.5).Ticks));

    // The poll and the timer's overdue check may report at the same moment.
    private readonly Lock _gate = new();
    private DateTimeOffset? _failingSince;
    private string? _lastCause;
    private UpstreamCause? _lastCauseKind;

    public UpstreamHealth Current { get; private set; } = UpstreamHealth.Starting;

    public UpstreamHealth OnSuccess(DateTimeOffset now)
    {
        lock (_gate)
        {
            _failingSince = null;
            return Current = new UpstreamHealth { State = UpstreamState.Healthy, LastSuccessAt = now, PollIntervalSeconds = InForceSeconds };
        }
    }

    public UpstreamHealth OnFailure(DateTimeOffset now, UpstreamFailureKind kind, string message) =>
        OnFailure(now, new EggplantException(kind, message));

    public UpstreamHealth OnFailure(DateTimeOffset now, EggplantException failure)
    {
        lock (_gate)
        {
            return Fail(now, failure.Kind, failure.Message, failure.Cause);
        }
    }

    private UpstreamHealth Fail(DateTimeOffset now, UpstreamFailureKind kind, string message, UpstreamCause? cause)
    {
        _failingSince ??= now;
        // While the circuit is open no call is made: keep telling the cause that opened it.
        if (kind == UpstreamFailureKind.CircuitOpen)
        {
            message = _lastCause is null ? message : $"{_lastCause} (calls paused after repeated failures)";
            cause = _lastCauseKind;
        }
        else
        {
            (_lastCause, _lastCauseKind) = (message, cause);
        }
        var state = kind switch
        {
            UpstreamFailureKind.Unauthorized => UpstreamState.Unauthorized,
            UpstreamFailureKind.CircuitOpen => UpstreamState.Unreachable,
            _ => FailingTooLong(now) ? UpstreamState.Unreachable : UpstreamState.Degraded,
        };
        return Current = Current with
        {
            State = state,
            LastError = message,
            ConsecutiveFailures = Current.ConsecutiveFailures + 1,
            Cause = cause,
            PollIntervalSeconds = InForceSeconds,
        };
    }

    /// <summary>A poll still waiting for its answer after <see cref="OverdueAfter"/>: the data on screen is getting old.</summary>
    public UpstreamHealth OnOverdue(DateTimeOffset now, DateTimeOffset pollStartedAt)
    {
        lock (_gate)
        {
            return Overdue(now, pollStartedAt);
        }
    }

    private UpstreamHealth Overdue(DateTimeOffset now, DateTimeOffset pollStartedAt)
    {
        var waited = now - pollStartedAt;
        if (waited < OverdueAfter || Current.State == UpstreamState.Unauthorized)
        {
            return Current;
        }
        _failingSince ??= pollStartedAt;
        var state = FailingTooLong(now) ? UpstreamState.Unreachable : UpstreamState.Degraded;
        return Current = Current with
        {
            State = state,
            LastError = $"Waiting for {server} to answer ({waited.TotalSeconds:0} s so far).",
            Cause = UpstreamCause.Timeout,
            PollIntervalSeconds = InForceSeconds,
        };
    }

    private bool FailingTooLong(DateTimeOffset now) =>
        _failingSince is { } since && now - since >= UpstreamFreshness.StaleAfter(PollInterval);
}
