namespace SutWeb.Shared.Views;

/// <summary>
/// The one rule for stale data: the board is fresh while the last good poll is at most <see cref="StaleAfterIntervals"/>
/// poll intervals old, judged against the interval in force (<see cref="UpstreamHealth.PollIntervalSeconds"/>). Failures
/// that last as long make the upstream Unreachable. Readiness, the pages and hub clients all judge by it.
/// </summary>
public static class UpstreamFreshness
{
    public const int StaleAfterIntervals = 3;

    /// <summary>How old data may be at <paramref name="pollInterval"/> before it is stale.</summary>
    public static TimeSpan StaleAfter(TimeSpan pollInterval) => pollInterval * StaleAfterIntervals;

    /// <summary>Healthy, with a good poll at most <see cref="StaleAfter"/> ago; never before the poller has said its interval.</summary>
    public static bool IsFresh(UpstreamHealth health, DateTimeOffset now) =>
        health.State == UpstreamState.Healthy
        && health.LastSuccessAt is { } at
        && health.PollIntervalSeconds is { } seconds
        && now - at <= StaleAfter(TimeSpan.FromSeconds(seconds));
}
