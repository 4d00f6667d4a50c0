namespace SutWeb.Notifications.Delivery;

/// <summary>
/// When to try a delivery again: after the receiver's <c>Retry-After</c> when it gave one (at most an hour), else
/// 2 s doubling to 5 min, each with "equal jitter" (half the step plus a random part of the other half) so that
/// several SutWebs, or channels, do not come back in step. Retries go on for <see cref="RetryFor"/> after the
/// delivery was stored; the first failure after that gives it up.
/// </summary>
public sealed class RetrySchedule(Func<double>? random = null)
{
    public static readonly TimeSpan RetryFor = TimeSpan.FromHours(1);

    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan LongestDelay = TimeSpan.FromMinutes(5);

    /// <summary>A receiver asking for longer is still asked again within the hour.</summary>
    public static readonly TimeSpan LongestRetryAfter = TimeSpan.FromHours(1);

    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    /// <summary>Whether a delivery stored at <paramref name="createdAt"/> that just failed is still worth another try.</summary>
    public static bool KeepTrying(DateTimeOffset createdAt, DateTimeOffset now) => now - createdAt < RetryFor;

    /// <param name="attempts">Attempts made so far (at least 1).</param>
    public TimeSpan Delay(int attempts, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked > LongestRetryAfter ? LongestRetryAfter : asked < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : asked;
        }
        var step = FirstDelay * Math.Pow(2, Math.Min(Math.Max(attempts, 1) - 1, 20));
        if (step > LongestDelay)
        {
            step = LongestDelay;
        }
        return step / 2 + step / 2 * _random();
    }
}
