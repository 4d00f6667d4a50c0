using SutWeb.Components.Styling;
using SutWeb.History;

namespace SutWeb.Components.History;

/// <summary>Runs per day and outcome (by the day a run started, in the viewer's time zone), for a stacked bar chart.</summary>
public static class OutcomesPerDay
{
    /// <returns>One series per outcome that occurs, the known outcomes first in their usual order, then others by name.</returns>
    public static IReadOnlyList<OutcomeSeries> Count(IEnumerable<HistoryRun> runs, DateOnly firstDay, int days, TimeZoneInfo zone)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(run.StartTime, zone).DateTime);
            var index = day.DayNumber - firstDay.DayNumber;
            if (index < 0 || index >= days)
            {
                continue;
            }
            if (!counts.TryGetValue(run.Outcome, out var perDay))
            {
                counts[run.Outcome] = perDay = new int[days];
            }
            perDay[index]++;
        }
        return [.. counts
            .OrderBy(c => RunOutcomeStyles.Rank(c.Key))
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new OutcomeSeries(c.Key, c.Value))];
    }
}
