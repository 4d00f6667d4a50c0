using System.Globalization;

namespace SutWeb.Simulator;

/// <summary>Writes times as Eggplant does: PostgreSQL's text form, e.g. <c>2018-06-01 10:06:45.545359+01</c>.</summary>
internal static class PostgresTimestamp
{
    public static string Format(DateTimeOffset time)
    {
        var offset = time.Offset.Duration();
        var sign = time.Offset < TimeSpan.Zero ? '-' : '+';
        // PostgreSQL omits the minutes of a whole-hour offset.
        var zone = offset.Minutes == 0
            ? $"{sign}{offset.Hours:00}"
            : $"{sign}{offset.Hours:00}:{offset.Minutes:00}";
        return time.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + zone;
    }
}
