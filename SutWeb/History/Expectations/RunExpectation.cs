namespace SutWeb.History.Expectations;

/// <summary>
/// How long a model's runs usually take on a source: the median duration of its last <see cref="Runs"/> finished runs
/// (Passed, Failed or Incomplete; at most <see cref="RunExpectations.SampleSize"/>).
/// </summary>
public sealed record RunExpectation(TimeSpan Usual, int Runs)
{
    /// <summary>Where a run that has taken <paramref name="elapsed"/> stands against the usual duration.</summary>
    public RunProgress Progress(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero)
        {
            elapsed = TimeSpan.Zero;
        }
        var fraction = Usual <= TimeSpan.Zero ? 1 : Math.Min(1, elapsed / Usual);
        return new RunProgress(fraction, Usual - elapsed, elapsed > Usual);
    }

    /// <summary>The median of <paramref name="seconds"/> (the mean of the middle two for an even count); null for none.</summary>
    public static TimeSpan? Median(IEnumerable<double> seconds)
    {
        var sorted = seconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return TimeSpan.FromSeconds(median);
    }
}
