namespace SutWeb.Notifications.Delivery;

/// <summary>
/// One notification for one channel, as the outbox stores it (table <c>NotificationDeliveries</c> of the history
/// database, or memory with <c>History:Provider=None</c>): stored before the first attempt, updated after each.
/// (<see cref="DeliveryId"/>, <see cref="Channel"/>) is unique: the same id goes to every channel and every retry.
/// </summary>
public sealed class OutboxDelivery
{
    public long Id { get; set; }

    public Guid DeliveryId { get; set; }

    public required string Channel { get; set; }

    public required string Event { get; set; }

    public required string Rule { get; set; }

    public bool Resolved { get; set; }

    public required string Source { get; set; }

    /// <summary>The agent it is about; null for a source's events.</summary>
    public string? AgentName { get; set; }

    /// <summary>The whole <see cref="Notification"/> as JSON, so that a restart sends exactly what was decided.</summary>
    public required string Payload { get; set; }

    public DeliveryState State { get; set; }

    public int Attempts { get; set; }

    /// <summary>When it was stored; retries end an hour after it (<see cref="RetrySchedule.RetryFor"/>).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not before this time; the first attempt's is <see cref="CreatedAt"/>.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>The receiver's last status: HTTP status, or the SMTP reply code; null when none came (network error, timeout).</summary>
    public int? LastStatus { get; set; }

    /// <summary>Why the last attempt failed, without secrets; null after a success.</summary>
    public string? LastError { get; set; }

    /// <summary>When it was sent, refused or given up.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    public OutboxDelivery Copy() => (OutboxDelivery)MemberwiseClone();
}
