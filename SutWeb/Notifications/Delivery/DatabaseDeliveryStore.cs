using Microsoft.EntityFrameworkCore;
using SutWeb.History;

namespace SutWeb.Notifications.Delivery;

/// <summary>
/// Deliveries in the history database (table <c>NotificationDeliveries</c>), which the history writer creates and
/// migrates at start: nothing is read or written before it has.
/// </summary>
public sealed class DatabaseDeliveryStore(HistoryDatabase database, HistoryStatus status) : IDeliveryStore
{
    public bool Durable => true;

    public Task WhenReadyAsync(CancellationToken cancellationToken) => status.WhenOpened.WaitAsync(cancellationToken);

    public async Task AddAsync(IReadOnlyList<OutboxDelivery> rows, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        foreach (var group in rows.GroupBy(r => r.DeliveryId))
        {
            var stored = await context.NotificationDeliveries
                .Where(d => d.DeliveryId == group.Key)
                .Select(d => d.Channel)
                .ToListAsync(cancellationToken);
            foreach (var row in group.Where(r => !stored.Contains(r.Channel)))
            {
                var added = row.Copy();
                added.Id = 0;
                context.NotificationDeliveries.Add(added);
            }
        }
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<OutboxDelivery?> NextPendingAsync(string channel, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.NotificationDeliveries.AsNoTracking()
            .Where(d => d.Channel == channel && d.State == DeliveryState.Pending)
            .OrderBy(d => d.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task UpdateAsync(OutboxDelivery row, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        await context.NotificationDeliveries
            .Where(d => d.Id == row.Id)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.State, row.State)
                .SetProperty(d => d.Attempts, row.Attempts)
                .SetProperty(d => d.NextAttemptAt, row.NextAttemptAt)
                .SetProperty(d => d.LastAttemptAt, row.LastAttemptAt)
                .SetProperty(d => d.LastStatus, row.LastStatus)
                .SetProperty(d => d.LastError, row.LastError)
                .SetProperty(d => d.CompletedAt, row.CompletedAt), cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxDelivery>> RecentAsync(int limit, string? channel, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var query = context.NotificationDeliveries.AsNoTracking();
        if (channel is not null)
        {
            query = query.Where(d => d.Channel == channel);
        }
        return await query.OrderByDescending(d => d.Id).Take(limit).ToListAsync(cancellationToken);
    }

    public async Task<OutboxDelivery?> LastAttemptedAsync(string channel, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.NotificationDeliveries.AsNoTracking()
            .Where(d => d.Channel == channel && d.LastAttemptAt != null)
            .OrderByDescending(d => d.LastAttemptAt)
            .ThenByDescending(d => d.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<int> PendingCountAsync(CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.NotificationDeliveries.CountAsync(d => d.State == DeliveryState.Pending, cancellationToken);
    }

    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.NotificationDeliveries
            .Where(d => d.State != DeliveryState.Pending && d.CompletedAt < before)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
