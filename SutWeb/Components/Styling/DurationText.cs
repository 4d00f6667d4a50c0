using System.Globalization;

namespace SutWeb.Components.Styling;

/// <summary>How long something took, as a clock reads: "4:05", "1:02:03", "2 d 03:04:05".</summary>
public static class DurationText
{
    public static string Format(TimeSpan duration)
    {
        // Clocks of the server and the agents may disagree a little; never show a negative time.
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }
        var culture = CultureInfo.InvariantCulture;
        return duration switch
        {
            { TotalHours: < 1 } => duration.ToString(@"m\:ss", culture),
            { TotalDays: < 1 } => string.Create(culture, $@"{(int)duration.TotalHours}:{duration:mm\:ss}"),
            _ => string.Create(culture, $@"{duration.Days} d {duration:hh\:mm\:ss}"),
        };
    }
}
