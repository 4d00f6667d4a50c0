using Microsoft.EntityFrameworkCore;

namespace SutWeb.History;

/// <summary>
/// Reads history for the API and the pages: newest first, filtered in SQL, paged by cursor (keyset on time and id, so
/// a page costs the same however deep it is and rows written meanwhile neither repeat nor go missing).
/// </summary>
public sealed class HistoryQueries(HistoryDatabase database)
{
    public async Task<HistoryPage<HistoryRun>> RunsAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        var limit = Math.Clamp(query.Limit, 1, RunQuery.MaxLimit);
        await using var context = database.CreateContext();
        var rows = await Filter(context.Runs.AsNoTracking(), query).OrderByDescending(r => r.StartTime).ThenByDescending(r => r.Id)
            .Take(limit + 1).ToListAsync(cancellationToken);
        return Page(rows, limit, r => new HistoryCursor(r.StartTime, r.Id));
    }

    /// <summary>
    /// The cursor after the first <paramref name="count"/> runs of <paramref name="query"/> (its limit ignored), or
    /// null when no run follows them: lets an export longer than a page say up front where it stops.
    /// </summary>
    public async Task<HistoryCursor?> RunsCursorAfterAsync(RunQuery query, int count, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await Filter(context.Runs.AsNoTracking(), query).OrderByDescending(r => r.StartTime).ThenByDescending(r => r.Id)
            .Skip(count - 1).Take(2).Select(r => new { r.StartTime, r.Id }).ToListAsync(cancellationToken);
        return rows.Count == 2 ? new HistoryCursor(rows[0].StartTime, rows[0].Id) : null;
    }

    private static IQueryable<HistoryRun> Filter(IQueryable<HistoryRun> runs, RunQuery query)
    {
        if (query.Source is { } source)
        {
            runs = runs.Where(r => r.Source == source);
        }
        if (query.AgentName is { } agent)
        {
            runs = runs.Where(r => r.AgentName == agent);
        }
        if (query.ModelName is { } model)
        {
            runs = runs.Where(r => r.ModelName == model);
        }
        if (query.Outcomes is { Count: > 0 } outcomes)
        {
            var any = outcomes.ToList();
            runs = runs.Where(r => any.Contains(r.Outcome));
        }
        if (query.From is { } from)
        {
            runs = runs.Where(r => r.StartTime >= from);
        }
        if (query.To is { } to)
        {
            runs = runs.Where(r => r.StartTime < to);
        }
        if (query.Cursor is { } cursor)
        {
            runs = runs.Where(r => r.StartTime < cursor.Time || (r.StartTime == cursor.Time && r.Id < cursor.Id));
        }
        return runs;
    }

    public async Task<HistoryPage<HistoryEvent>> EventsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        var limit = Math.Clamp(query.Limit, 1, RunQuery.MaxLimit);
        await using var context = database.CreateContext();
        var events = context.AgentEvents.AsNoTracking();
        if (query.Source is { } source)
        {
            events = events.Where(e => e.Source == source);
        }
        if (query.AgentName is { } agent)
        {
            events = events.Where(e => e.AgentName == agent);
        }
        if (query.Kinds is { Count: > 0 } kinds)
        {
            var any = kinds.ToList();
            events = events.Where(e => any.Contains(e.Kind));
        }
        if (query.From is { } from)
        {
            events = events.Where(e => e.At >= from);
        }
        if (query.To is { } to)
        {
            events = events.Where(e => e.At < to);
        }
        if (query.Cursor is { } cursor)
        {
            events = events.Where(e => e.At < cursor.Time || (e.At == cursor.Time && e.Id < cursor.Id));
        }
        var rows = await events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(limit + 1).ToListAsync(cancellationToken);
        return Page(rows, limit, e => new HistoryCursor(e.At, e.Id));
    }

    /// <summary>The gaps that overlap [<paramref name="from"/>, <paramref name="to"/>), oldest first: where history is known to be incomplete.</summary>
    public async Task<IReadOnlyList<HistoryGap>> GapsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Gaps.AsNoTracking().Where(g => g.To >= from && g.From < to).OrderBy(g => g.From).ThenBy(g => g.Id)
            .ToListAsync(cancellationToken);
    }

    private static HistoryPage<T> Page<T>(List<T> rows, int limit, Func<T, HistoryCursor> cursorOf)
    {
        if (rows.Count <= limit)
        {
            return new HistoryPage<T>(rows, null);
        }
        rows.RemoveAt(rows.Count - 1);
        return new HistoryPage<T>(rows, cursorOf(rows[^1]));
    }
}
