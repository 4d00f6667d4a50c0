namespace SutWeb.Shared.Views;

/// <summary>
/// The board's health from its sources' (docs/API.md section 3): the worst state, the oldest last good poll, and the
/// worst source's error, cause and failures; its error names the source when there are several.
/// </summary>
public static class SourceHealths
{
    /// <summary>Healthy first, Unauthorized last: a source that needs someone to act outranks one that may recover.</summary>
    public static int Severity(UpstreamState state) => state switch
    {
        UpstreamState.Healthy => 0,
        UpstreamState.Starting => 1,
        UpstreamState.Degraded => 2,
        UpstreamState.Unreachable => 3,
        UpstreamState.Unauthorized => 4,
        _ => 5,
    };

    public static UpstreamHealth Combine(IReadOnlyList<SourceHealth> sources)
    {
        if (sources.Count == 0)
        {
            return UpstreamHealth.Starting;
        }
        // Ties go to the first source in order, so that the combined health does not flip between equals.
        var worst = sources[0];
        foreach (var source in sources)
        {
            if (Severity(source.State) > Severity(worst.State))
            {
                worst = source;
            }
        }
        // A source never polled successfully makes the board's last good poll "never".
        var oldest = sources.Any(s => s.LastSuccessAt is null) ? sources.First(s => s.LastSuccessAt is null)
            : sources.MinBy(s => s.LastSuccessAt)!;
        return new UpstreamHealth
        {
            State = worst.State,
            LastSuccessAt = oldest.LastSuccessAt,
            LastError = worst.LastError is { } error && sources.Count > 1 ? $"{worst.SourceName}: {error}" : worst.LastError,
            ConsecutiveFailures = worst.ConsecutiveFailures,
            Cause = worst.Cause,
            // Staleness of the whole board is judged on its oldest source; each source's own is in Sources.
            PollIntervalSeconds = oldest.PollIntervalSeconds,
            Sources = sources,
        };
    }
}
