namespace SutWeb.Notifications.Delivery;

/// <summary>One delivery as the notifications page shows it: what, to which channel, and how it went (no secret in it).</summary>
public sealed record DeliveryRecord
{
    public required Guid DeliveryId { get; init; }

    public required string Channel { get; init; }

    public required string Event { get; init; }

    public required string Rule { get; init; }

    public bool Resolved { get; init; }

    public required string Source { get; init; }

    public string? AgentName { get; init; }

    public required DeliveryState State { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>While pending: when the next attempt is due.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    public DateTimeOffset? LastAttemptAt { get; init; }

    public int? LastStatus { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public static DeliveryRecord From(OutboxDelivery row) => new()
    {
        DeliveryId = row.DeliveryId,
        Channel = row.Channel,
        Event = row.Event,
        Rule = row.Rule,
        Resolved = row.Resolved,
        Source = row.Source,
        AgentName = row.AgentName,
        State = row.State,
        Attempts = row.Attempts,
        CreatedAt = row.CreatedAt,
        NextAttemptAt = row.State == DeliveryState.Pending ? row.NextAttemptAt : null,
        LastAttemptAt = row.LastAttemptAt,
        LastStatus = row.LastStatus,
        LastError = row.LastError,
        CompletedAt = row.CompletedAt,
    };
}
