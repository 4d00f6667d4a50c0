using SutWeb.Shared.History;

namespace SutWeb.Notifications;

/// <summary>
/// One message the rules decided to send, as stored in the outbox and as the webhook body carries it (docs/API.md,
/// notifications). The rules make it; the outbox keeps it until every channel named has it.
/// </summary>
public sealed record Notification
{
    /// <summary>The same on every retry, so that receivers can drop duplicates.</summary>
    public required Guid DeliveryId { get; init; }

    /// <summary>One of <see cref="NotificationEvents"/>.</summary>
    public required string Event { get; init; }

    /// <summary>The condition this rule fired for has ended (the "resolved" message).</summary>
    public bool Resolved { get; init; }

    /// <summary>When the rule decided to send it.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Since when the condition holds (an agent down since, a source unreachable since); null when not known.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>The rule's name (<c>Notifications:Rules:{name}</c>).</summary>
    public required string Rule { get; init; }

    public required string Source { get; init; }

    public required string SourceName { get; init; }

    /// <summary>The agent it is about; null for a source's events.</summary>
    public NotificationAgent? Agent { get; init; }

    /// <summary>The run it is about (with its last log line); null when none.</summary>
    public RunRecord? Run { get; init; }

    /// <summary>Events folded into this one message (several of one rule in a short window, a source's agents).</summary>
    public int Count { get; init; } = 1;

    /// <summary>The agent connects and drops repeatedly: this is the one message until it settles.</summary>
    public bool Flapping { get; init; }

    /// <summary>The agent's page (or the board) under <c>Dashboard:PublicUrl</c>; null when that is not set.</summary>
    public string? DashboardUrl { get; init; }

    /// <summary>The channels (<c>Notifications:Channels:{name}</c>) it goes to.</summary>
    public required IReadOnlyList<string> Channels { get; init; }
}
