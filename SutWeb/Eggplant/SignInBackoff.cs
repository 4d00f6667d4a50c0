using System.Globalization;
using Microsoft.Extensions.Options;
using SutWeb.Eggplant.Sources;

namespace SutWeb.Eggplant;

/// <summary>
/// After the Eggplant server refuses a sign-in, no new sign-in until a back-off has passed: twice the poll interval,
/// doubling with each refusal in a row, at most <see cref="MaxDelay"/>. A wrong password would otherwise be tried on
/// every poll (1,800 times an hour at 2 s), enough to lock the account on a server with a lockout policy. Polls in
/// between fail at once with the last refusal and when the next try is. <see cref="TryNow"/> (the dashboard's button)
/// ends the wait. Only the server side calls this; nothing on the hub reaches it.
/// </summary>
/// <param name="source">Whose sign-in it is, for its log lines; none: the source default of <paramref name="options"/>.</param>
public sealed partial class SignInBackoff(
    IOptions<EggplantOptions> options, TimeProvider timeProvider, ILogger<SignInBackoff> logger, EggplantSource? source = null)
{
    private readonly EggplantSource _source = source ?? EggplantSource.Default(options.Value);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private int _refusals;
    private DateTimeOffset? _nextTryAt;
    private EggplantException? _lastRefusal;

    /// <summary>When the next sign-in may be tried, while a back-off is running.</summary>
    public DateTimeOffset? NextTryAt
    {
        get
        {
            lock (_gate)
            {
                return _nextTryAt is { } at && timeProvider.GetUtcNow() < at ? at : null;
            }
        }
    }

    /// <summary>Refusals in a row so far; a successful sign-in resets it.</summary>
    public int Refusals
    {
        get
        {
            lock (_gate)
            {
                return _refusals;
            }
        }
    }

    /// <summary>The wait after the n-th refusal in a row: poll interval × 2ⁿ, at most <see cref="MaxDelay"/>.</summary>
    public static TimeSpan DelayAfter(int refusals, TimeSpan pollInterval)
    {
        var factor = Math.Pow(2, Math.Min(refusals, 30));
        return TimeSpan.FromTicks((long)Math.Min(pollInterval.Ticks * factor, MaxDelay.Ticks));
    }

    /// <summary>Throws the last refusal, saying when the next try is, while the back-off runs; no request is made.</summary>
    public void ThrowIfWaiting()
    {
        lock (_gate)
        {
            if (_lastRefusal is { } refusal && _nextTryAt is { } at && timeProvider.GetUtcNow() < at)
            {
                throw WithNextTry(refusal, at);
            }
        }
    }

    /// <summary>Records a refused sign-in and starts the wait; returns the refusal, now saying when the next try is.</summary>
    public EggplantException Refused(EggplantException refusal)
    {
        lock (_gate)
        {
            _refusals++;
            var delay = DelayAfter(_refusals, _source.Options.PollInterval);
            var at = timeProvider.GetUtcNow() + delay;
            (_nextTryAt, _lastRefusal) = (at, refusal);
            LogBackingOff(logger, _source.Name("The Eggplant server"), _refusals, delay.TotalSeconds);
            return WithNextTry(refusal, at);
        }
    }

    public void SignedIn()
    {
        lock (_gate)
        {
            (_refusals, _nextTryAt, _lastRefusal) = (0, null, null);
        }
    }

    /// <summary>Ends the wait: the next poll signs in again. A refusal in a row still counts towards the next wait.</summary>
    public void TryNow()
    {
        lock (_gate)
        {
            if (_nextTryAt is null)
            {
                return;
            }
            _nextTryAt = null;
        }
        LogTryNow(logger, _source.Name("Sign-in back-off"));
    }

    private EggplantException WithNextTry(EggplantException refusal, DateTimeOffset at)
    {
        var wait = at - timeProvider.GetUtcNow();
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{refusal.Message} Next sign-in try at {at.UtcDateTime:HH:mm:ss} UTC (in {Math.Ceiling(wait.TotalSeconds):0} s).");
        return new EggplantException(refusal.Kind, message, refusal.InnerException) { Cause = refusal.Cause };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Server} refused the sign-in ({Refusals} in a row); no new sign-in for {DelaySeconds} s")]
    private static partial void LogBackingOff(ILogger logger, string server, int refusals, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Backoff} ended by hand: the next poll signs in again")]
    private static partial void LogTryNow(ILogger logger, string backoff);
}
