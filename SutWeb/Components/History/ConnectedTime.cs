using SutWeb.History;

namespace SutWeb.Components.History;

/// <summary>
/// Time connected per day from an agent's <c>Connected</c>/<c>Disconnected</c> events. An agent name may have several
/// connections (ports): it counts as connected while any of them is. Events before the first day give the state at
/// its start; a connection still open runs until <c>now</c>.
/// </summary>
public static class ConnectedTime
{
    /// <param name="events">Connected and Disconnected events of one agent, in any order (other kinds are ignored).</param>
    /// <param name="firstDay">The first day shown, in <paramref name="zone"/>.</param>
    public static IReadOnlyList<ConnectedDay> PerDay(IEnumerable<HistoryEvent> events, DateOnly firstDay, int days, DateTimeOffset now, TimeZoneInfo zone)
    {
        var intervals = Intervals(events, now);
        var result = new List<ConnectedDay>(days);
        for (var i = 0; i < days; i++)
        {
            var day = firstDay.AddDays(i);
            var start = Midnight(day, zone);
            var end = Midnight(day.AddDays(1), zone);
            var connected = TimeSpan.Zero;
            foreach (var (from, to) in intervals)
            {
                var overlap = Min(to, end) - Max(from, start);
                if (overlap > TimeSpan.Zero)
                {
                    connected += overlap;
                }
            }
            result.Add(new ConnectedDay(day, connected));
        }
        return result;
    }

    /// <summary>The start of <paramref name="day"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>When at least one connection was open, oldest first.</summary>
    private static List<(DateTimeOffset From, DateTimeOffset To)> Intervals(IEnumerable<HistoryEvent> events, DateTimeOffset now)
    {
        var open = new HashSet<int>();
        var intervals = new List<(DateTimeOffset, DateTimeOffset)>();
        DateTimeOffset? since = null;
        foreach (var e in events.Where(e => e.At <= now).OrderBy(e => e.At).ThenBy(e => e.Id))
        {
            var port = e.Port ?? -1;
            if (e.Kind == AgentEventKinds.Connected)
            {
                open.Add(port);
            }
            else if (e.Kind == AgentEventKinds.Disconnected)
            {
                open.Remove(port);
            }
            else
            {
                continue;
            }
            if (open.Count > 0 && since is null)
            {
                since = e.At;
            }
            else if (open.Count == 0 && since is { } from)
            {
                intervals.Add((from, e.At));
                since = null;
            }
        }
        if (since is { } stillOpen)
        {
            intervals.Add((stillOpen, now));
        }
        return intervals;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
