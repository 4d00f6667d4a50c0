using SutWeb.Shared.Views;

namespace SutWeb.Monitoring;

/// <summary>
/// How long a poller waits before its next poll. At <c>PollInterval</c> while an agent runs or the board changed within
/// <see cref="ActiveWindow"/>, at <c>IdlePollInterval</c> otherwise: a real Eggplant server answers each poll from its
/// database, and a board nobody runs anything on needs no answer every 2 s. Failed polls keep the pace for
/// <see cref="FailuresAtPace"/> in a row (a blip recovers at once, and health turns Unreachable on its usual schedule),
/// then the waits double, with jitter, up to <see cref="MaxBackoff"/>; the first success returns to the pace. Plain and
/// clock-free, one per polled server: the poller tells it each outcome and waits what it answers.
/// </summary>
public sealed class PollPace
{
    /// <summary>How long the board stays at the active pace after its last change.</summary>
    public static readonly TimeSpan ActiveWindow = TimeSpan.FromSeconds(60);

    /// <summary>The longest wait of a backed-off poller (unless its pace itself is longer).</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    /// <summary>Failed polls in a row that keep the pace: by the next, the data is stale and health Unreachable.</summary>
    public const int FailuresAtPace = UpstreamFreshness.StaleAfterIntervals;

    private readonly TimeSpan _active;
    private readonly TimeSpan _idle;
    private readonly Random _random;
    private DateTimeOffset? _lastChange;
    private int _failures;

    /// <param name="random">The jitter's source; a shared one when none is given.</param>
    public PollPace(TimeSpan pollInterval, TimeSpan idlePollInterval, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(idlePollInterval, pollInterval);
        (_active, _idle, _random) = (pollInterval, idlePollInterval, random ?? Random.Shared);
        Pace = Interval = pollInterval;
    }

    /// <summary>The interval the board's activity asks for: <c>PollInterval</c> or <c>IdlePollInterval</c>.</summary>
    public TimeSpan Pace { get; private set; }

    /// <summary>The wait before the next poll: the <see cref="Pace"/>, or longer while failed polls back off.</summary>
    public TimeSpan Interval { get; private set; }

    /// <summary>Whether failed polls have made <see cref="Interval"/> longer than the pace.</summary>
    public bool BackingOff { get; private set; }

    /// <summary>Whether the board is quiet: nothing runs and nothing changed within <see cref="ActiveWindow"/>.</summary>
    public bool Idle => Pace == _idle && _idle != _active;

    /// <summary>A good poll at <paramref name="now"/>; <paramref name="changed"/> when it changed the board.</summary>
    /// <returns>The wait before the next poll.</returns>
    public TimeSpan OnSuccess(DateTimeOffset now, bool anyRunning, bool changed)
    {
        if (changed)
        {
            _lastChange = now;
        }
        var active = anyRunning || (_lastChange is { } at && now - at < ActiveWindow);
        _failures = 0;
        BackingOff = false;
        Pace = active ? _active : _idle;
        return Interval = Pace;
    }

    /// <summary>A failed poll.</summary>
    /// <param name="backOff">False for a failure something else paces (a refused sign-in waits on its own back-off).</param>
    /// <returns>The wait before the next poll.</returns>
    public TimeSpan OnFailure(bool backOff = true)
    {
        if (!backOff)
        {
            BackingOff = false;
            return Interval = Pace;
        }
        _failures++;
        if (_failures <= FailuresAtPace)
        {
            return Interval = Pace;
        }
        // Doubling from the pace, at most to the ceiling; the jitter takes up to half off, so that many dashboards
        // that lost the same server do not come back to it in step.
        var ceiling = Pace > MaxBackoff ? Pace : MaxBackoff;
        var doubled = Pace * Math.Pow(2, Math.Min(_failures - FailuresAtPace, 16));
        var nominal = doubled < ceiling ? doubled : ceiling;
        var jittered = nominal * (0.5 + (0.5 * _random.NextDouble()));
        BackingOff = true;
        return Interval = jittered > Pace ? jittered : Pace;
    }
}
