namespace SutWeb.Notifications.Delivery;

/// <summary>Where the outbox keeps its deliveries: the history database, or memory with <c>History:Provider=None</c>.</summary>
public interface IDeliveryStore
{
    /// <summary>False for memory: a restart loses what is pending.</summary>
    bool Durable { get; }

    /// <summary>Completes once the store can be read and written (the database created and migrated).</summary>
    Task WhenReadyAsync(CancellationToken cancellationToken);

    /// <summary>Stores the rows whose (<see cref="OutboxDelivery.DeliveryId"/>, channel) is not stored yet, all or none.</summary>
    Task AddAsync(IReadOnlyList<OutboxDelivery> rows, CancellationToken cancellationToken);

    /// <summary>The channel's oldest pending delivery (a channel sends in order), or null.</summary>
    Task<OutboxDelivery?> NextPendingAsync(string channel, CancellationToken cancellationToken);

    /// <summary>Writes an attempt's result (state, attempts, times, status, error) of a stored row.</summary>
    Task UpdateAsync(OutboxDelivery row, CancellationToken cancellationToken);

    /// <summary>Newest first; one channel's when <paramref name="channel"/> is set.</summary>
    Task<IReadOnlyList<OutboxDelivery>> RecentAsync(int limit, string? channel, CancellationToken cancellationToken);

    /// <summary>The channel's delivery attempted last, or null.</summary>
    Task<OutboxDelivery?> LastAttemptedAsync(string channel, CancellationToken cancellationToken);

    /// <summary>Deliveries pending on all channels (at start: those a restart interrupted).</summary>
    Task<int> PendingCountAsync(CancellationToken cancellationToken);

    /// <summary>Deletes deliveries completed before <paramref name="before"/>; how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
