using System.Threading.RateLimiting;

namespace SutWeb.Security;

/// <summary>
/// Counts wrong access keys per client address: after <see cref="WrongKeysPerMinute"/> in a minute, the address may
/// present no key at all, right or wrong, until the minute is over, so guessing cannot go faster than that.
/// ASP.NET Core's rate limiter middleware counts every request, so it would either count right keys too or let a
/// locked-out address confirm a guess; its limiter, partitioned by address, is used directly instead.
/// </summary>
public sealed class WrongKeyLimiter : IDisposable
{
    public const int WrongKeysPerMinute = 10;

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = WrongKeysPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <returns>Whether the address has wrong keys left in this minute; if not, when to try again.</returns>
    public bool MayTry(string address, out TimeSpan retryAfter)
    {
        // Zero permits: asks whether any are left without taking one.
        using var lease = _limiter.AttemptAcquire(address, 0);
        return Granted(lease, out retryAfter);
    }

    /// <returns>Whether this wrong key was still within the address's allowance; if not, when to try again.</returns>
    public bool RecordWrongKey(string address, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(address);
        return Granted(lease, out retryAfter);
    }

    public void Dispose() => _limiter.Dispose();

    private static bool Granted(RateLimitLease lease, out TimeSpan retryAfter)
    {
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }
}
