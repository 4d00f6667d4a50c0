using System.Threading.RateLimiting;

namespace SutWeb.Operators;

/// <summary>
/// Attempts per operator: <see cref="PermitsPerWindow"/> in any <see cref="Window"/> (a sliding window), so a script in
/// a loop or a stuck key cannot hammer the Eggplant server through SutWeb. Refused attempts are audited too.
/// </summary>
public sealed class OperatorRateLimiter : IDisposable
{
    public const int PermitsPerWindow = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(who =>
        RateLimitPartition.GetSlidingWindowLimiter(who, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = PermitsPerWindow,
            Window = Window,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Takes one attempt of <paramref name="who"/>'s; false when they have used up the window.</summary>
    public bool TryAcquire(string who)
    {
        using var lease = _limiter.AttemptAcquire(who);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
