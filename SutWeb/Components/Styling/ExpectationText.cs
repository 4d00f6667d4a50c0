using System.Globalization;
using SutWeb.History.Expectations;

namespace SutWeb.Components.Styling;

/// <summary>A running run against its model's usual duration, in words: "about 12 min left", "5 min over usual".</summary>
public static class ExpectationText
{
    /// <summary>
    /// Minutes left round up (it never says "0 min left" while time is left; under a minute is "under 1 min left");
    /// minutes over round down, at least 1 (a run a few seconds over is "1 min over usual").
    /// </summary>
    public static string Of(RunProgress progress)
    {
        if (progress.Overrun)
        {
            var over = Math.Max(1, (int)Math.Floor(-progress.Remaining.TotalMinutes));
            return $"{Minutes(over)} over usual";
        }
        return progress.Remaining < TimeSpan.FromMinutes(1)
            ? "under 1 min left"
            : $"about {Minutes((int)Math.Ceiling(progress.Remaining.TotalMinutes))} left";
    }

    /// <summary>What the expectation is, for a tooltip or the details: "usual 14:02 (median of the last 20 runs)".</summary>
    public static string Usual(RunExpectation expectation) =>
        string.Create(CultureInfo.InvariantCulture, $"usual {DurationText.Format(expectation.Usual)} (median of the last {expectation.Runs} finished runs of this model here)");

    /// <summary>"12 min", "1 h", "2 h 5 min".</summary>
    public static string Minutes(int minutes) => minutes switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{minutes} min"),
        _ when minutes % 60 == 0 => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60} min"),
    };
}
