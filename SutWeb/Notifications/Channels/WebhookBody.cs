using SutWeb.Shared.History;

namespace SutWeb.Notifications.Channels;

/// <summary>The <c>Webhook</c> channel's JSON body, exactly the fields of docs/API.md section 6, in that order.</summary>
public sealed record WebhookBody
{
    public required Guid DeliveryId { get; init; }

    public required string Event { get; init; }

    public bool Resolved { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Rule { get; init; }

    public required string Source { get; init; }

    public required string SourceName { get; init; }

    public NotificationAgent? Agent { get; init; }

    public RunRecord? Run { get; init; }

    public int Count { get; init; }

    public string? DashboardUrl { get; init; }

    public static WebhookBody From(Notification n) => new()
    {
        DeliveryId = n.DeliveryId,
        Event = n.Event,
        Resolved = n.Resolved,
        At = n.At.ToUniversalTime(),
        Rule = n.Rule,
        Source = n.Source,
        SourceName = n.SourceName,
        Agent = n.Agent,
        Run = n.Run,
        Count = n.Count,
        DashboardUrl = n.DashboardUrl,
    };
}
