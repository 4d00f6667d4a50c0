using System.Globalization;
using SutWeb.History;
using SutWeb.History.Expectations;

namespace SutWeb.Components.Styling;

/// <summary>An agent's track record in words: "3rd failure in a row", "last passed 2 days ago".</summary>
public static class StreakText
{
    /// <summary>The streak when it is one (two runs or more); null otherwise.</summary>
    public static string? Streak(RunStreak? streak) => streak switch
    {
        null or { Count: < 2 } => null,
        { Outcome: RunOutcomes.Failed } => $"{Ordinal(streak.Count)} failure in a row",
        { Outcome: RunOutcomes.Incomplete } => $"{Ordinal(streak.Count)} incomplete run in a row",
        _ => $"{Ordinal(streak.Count)} pass in a row",
    };

    /// <summary>"last passed 2 days ago" while the agent is not passing; "no pass on record" when history has none; null while passing.</summary>
    public static string? LastPassed(AgentTrackRecord record, DateTimeOffset now)
    {
        if (record.Streak is null or { Outcome: RunOutcomes.Passed })
        {
            return null;
        }
        return record.LastPassedAt is { } at ? $"last passed {Ago(now - at)}" : "no pass on record";
    }

    /// <summary>Both, as one line: "3rd failure in a row · last passed 2 days ago"; null when there is nothing to say.</summary>
    public static string? Line(AgentTrackRecord record, DateTimeOffset now)
    {
        string?[] parts = [Streak(record.Streak), LastPassed(record, now)];
        var said = parts.OfType<string>().ToList();
        return said.Count == 0 ? null : string.Join(" · ", said);
    }

    /// <summary>"just now", "5 min ago", "3 h ago", "1 day ago", "2 days ago".</summary>
    public static string Ago(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes} min ago"),
        { TotalDays: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours} h ago"),
        { TotalDays: < 2 } => "1 day ago",
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays} days ago"),
    };

    /// <summary>1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st, 111th.</summary>
    public static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
