namespace SutWeb.Notifications.Delivery;

/// <summary>
/// Deliveries in memory, with <c>History:Provider=None</c>: they go out and are retried the same way, but a restart
/// loses what is pending (the start-up log says so). Completed ones beyond the newest <see cref="KeepCompleted"/> go.
/// </summary>
public sealed class MemoryDeliveryStore : IDeliveryStore
{
    public const int KeepCompleted = 1_000;

    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, OutboxDelivery> _rows = [];
    private long _nextId;

    public bool Durable => false;

    public Task WhenReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AddAsync(IReadOnlyList<OutboxDelivery> rows, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var row in rows)
            {
                if (_rows.Values.Any(d => d.DeliveryId == row.DeliveryId && d.Channel == row.Channel))
                {
                    continue;
                }
                var added = row.Copy();
                added.Id = ++_nextId;
                _rows[added.Id] = added;
            }
            Trim();
        }
        return Task.CompletedTask;
    }

    public Task<OutboxDelivery?> NextPendingAsync(string channel, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.Values.FirstOrDefault(d => d.Channel == channel && d.State == DeliveryState.Pending)?.Copy());
        }
    }

    public Task UpdateAsync(OutboxDelivery row, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_rows.ContainsKey(row.Id))
            {
                _rows[row.Id] = row.Copy();
            }
            Trim();
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxDelivery>> RecentAsync(int limit, string? channel, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<OutboxDelivery> recent = [.. _rows.Values.Reverse()
                .Where(d => channel is null || d.Channel == channel)
                .Take(limit)
                .Select(d => d.Copy())];
            return Task.FromResult(recent);
        }
    }

    public Task<OutboxDelivery?> LastAttemptedAsync(string channel, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.Values
                .Where(d => d.Channel == channel && d.LastAttemptAt is not null)
                .OrderByDescending(d => d.LastAttemptAt)
                .ThenByDescending(d => d.Id)
                .FirstOrDefault()?.Copy());
        }
    }

    public Task<int> PendingCountAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.Values.Count(d => d.State == DeliveryState.Pending));
        }
    }

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var old = _rows.Values.Where(d => d.State != DeliveryState.Pending && d.CompletedAt < before).Select(d => d.Id).ToList();
            foreach (var id in old)
            {
                _rows.Remove(id);
            }
            return Task.FromResult(old.Count);
        }
    }

    private void Trim()
    {
        var completed = _rows.Values.Where(d => d.State != DeliveryState.Pending).Select(d => d.Id).ToList();
        foreach (var id in completed.Take(Math.Max(0, completed.Count - KeepCompleted)))
        {
            _rows.Remove(id);
        }
    }
}
