using Microsoft.EntityFrameworkCore;
using SutWeb.History;

namespace SutWeb.Operators.Audit;

/// <summary>
/// The audit trail in the history database (table <c>AuditEntries</c>), which the history writer creates and migrates
/// at start: an entry waits for that, a little, rather than being lost.
/// </summary>
public sealed class DatabaseAuditTrail(HistoryDatabase database, HistoryStatus status, TimeProvider timeProvider) : IAuditTrail
{
    private static readonly TimeSpan OpenWait = TimeSpan.FromSeconds(10);

    public bool Durable => true;

    public async Task AddAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await status.WhenOpened.WaitAsync(OpenWait, timeProvider, cancellationToken);
        await using var context = database.CreateContext();
        var added = entry.Copy();
        added.Id = 0;
        context.AuditEntries.Add(added);
        await context.SaveChangesAsync(cancellationToken);
    }

    public async Task<HistoryPage<AuditEntry>> ReadAsync(int limit, HistoryCursor? cursor, CancellationToken cancellationToken)
    {
        await status.WhenOpened.WaitAsync(OpenWait, timeProvider, cancellationToken);
        await using var context = database.CreateContext();
        var query = context.AuditEntries.AsNoTracking();
        if (cursor is { } c)
        {
            query = query.Where(e => e.At < c.Time || (e.At == c.Time && e.Id < c.Id));
        }
        var rows = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(limit + 1).ToListAsync(cancellationToken);
        return AuditPages.Page(rows, limit);
    }
}
