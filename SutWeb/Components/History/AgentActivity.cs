using SutWeb.History;

namespace SutWeb.Components.History;

/// <summary>
/// What an agent page's charts show, over the last days: its last finished runs, its runs per day and outcome, and its
/// time connected per day. Only these are kept (not the thousands of runs and events read to count them): the page keeps
/// this for as long as it is open, once per circuit.
/// </summary>
public sealed record AgentActivity(
    DateOnly FirstDay,
    int Days,
    IReadOnlyList<HistoryRun> RecentFinished,
    IReadOnlyList<OutcomeSeries> Outcomes,
    bool RunsCapped,
    IReadOnlyList<ConnectedDay> Connected)
{
    /// <summary>The days the charts cover, today included.</summary>
    public const int DefaultDays = 30;

    /// <summary>At most this many runs are read for the charts (an agent running a run a minute has 43,200 a month).</summary>
    public const int MaxRuns = 5000;

    private const int MaxEvents = 5000;

    public static async Task<AgentActivity> LoadAsync(HistoryQueries queries, string source, string agentName, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var firstDay = today.AddDays(1 - DefaultDays);
        var from = ConnectedTime.Midnight(firstDay, zone);

        var runs = new List<HistoryRun>();
        HistoryCursor? cursor = null;
        do
        {
            var page = await queries.RunsAsync(new RunQuery { Source = source, AgentName = agentName, From = from, Limit = RunQuery.MaxLimit, Cursor = cursor }, cancellationToken);
            runs.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null && runs.Count < MaxRuns);
        var runsCapped = cursor is not null;

        // The state at the first day's start is the last connect or disconnect before it, per connection.
        string[] kinds = [AgentEventKinds.Connected, AgentEventKinds.Disconnected];
        var events = new List<HistoryEvent>(
            (await queries.EventsAsync(new EventQuery { Source = source, AgentName = agentName, Kinds = kinds, To = from, Limit = 50 }, cancellationToken)).Items
                .GroupBy(e => e.Port).Select(g => g.First()));
        cursor = null;
        do
        {
            var page = await queries.EventsAsync(new EventQuery { Source = source, AgentName = agentName, Kinds = kinds, From = from, Limit = RunQuery.MaxLimit, Cursor = cursor }, cancellationToken);
            events.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null && events.Count < MaxEvents);

        // Newest first, as read; the chart turns them oldest first.
        HistoryRun[] recent = [.. runs.Where(r => r.DurationSeconds is not null && !RunOutcomes.IsRunning(r.Outcome)).Take(RunDurationChart.MaxRuns)];
        return new AgentActivity(firstDay, DefaultDays, recent, OutcomesPerDay.Count(runs, firstDay, DefaultDays, zone), runsCapped,
            ConnectedTime.PerDay(events, firstDay, DefaultDays, now, zone));
    }
}
