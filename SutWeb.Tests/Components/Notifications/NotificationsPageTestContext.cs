using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Components.Notifications;
using SutWeb.Components.Pages;
using SutWeb.History;
using SutWeb.Identity;
using SutWeb.Notifications;
using SutWeb.Notifications.Delivery;
using SutWeb.Tests.Components.History;

namespace SutWeb.Tests.Components.Notifications;

/// <summary>
/// bUnit over the page's real services: <see cref="NotificationDeliveries"/> reading a real SQLite history (or memory,
/// as with <c>History:Provider=None</c>), the real outbox (which only queues: a test plays the dispatcher by storing
/// rows), the "send test" limit, and a fake clock that drives the page's refresh.
/// </summary>
public abstract class NotificationsPageTestContext : HistoryPagesTestContext
{
    protected NotificationsPageTestContext(bool durable = true) : base(historyOn: durable)
    {
    }

    protected override void AddServices(IServiceCollection services)
    {
        services.AddSingleton<Microsoft.Extensions.Options.IOptions<NotificationOptions>>(_ => Microsoft.Extensions.Options.Options.Create(Options));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        if (HistoryOn)
        {
            services.AddSingleton<IDeliveryStore>(_ => new DatabaseDeliveryStore(Database, new HistoryStatus()));
        }
        else
        {
            services.AddSingleton<IDeliveryStore, MemoryDeliveryStore>();
        }
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<INotificationOutbox>(provider => provider.GetRequiredService<NotificationOutbox>());
        services.AddSingleton<NotificationDeliveries>();
        services.AddSingleton<ChannelTestLimiter>();
        // Operator sign-in off unless a test sets Oidc's Authority; the viewer is User (nobody, unless a test says).
        services.AddSingleton(_ => Microsoft.Extensions.Options.Options.Create(Oidc));
        services.AddCascadingValue(_ => Task.FromResult(new AuthenticationState(User)));
    }

    /// <summary>The operator sign-in settings as bound; set before rendering.</summary>
    protected OidcOptions Oidc { get; } = new();

    /// <summary>Who looks at the page; set before rendering.</summary>
    protected ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

    /// <summary>The configuration as bound; set channels and rules before rendering.</summary>
    protected NotificationOptions Options { get; } = new();

    protected IDeliveryStore Store => Services.GetRequiredService<IDeliveryStore>();

    protected NotificationOutbox Outbox => Services.GetRequiredService<NotificationOutbox>();

    protected void Webhook(string name, string url, string? secret = null) =>
        Options.Channels[name] = new ChannelOptions { Type = ChannelType.Webhook, Url = url, Secret = secret };

    protected IRenderedComponent<NotificationsPage> RenderNotifications() => RenderPage<NotificationsPage>("/notifications");

    /// <summary>A delivery as the dispatcher stores it and a channel's worker updates it.</summary>
    protected static OutboxDelivery Delivery(
        string channel, DeliveryState state, DateTimeOffset at, int attempts = 1, int? status = null, string? error = null,
        string @event = NotificationEvents.RunFailed, bool resolved = false, string? agent = "lab-1", Guid? id = null) => new()
    {
        DeliveryId = id ?? Guid.NewGuid(),
        Channel = channel,
        Event = @event,
        Rule = "nightly",
        Resolved = resolved,
        Source = "lab-a",
        AgentName = agent,
        Payload = "{}",
        State = state,
        Attempts = attempts,
        CreatedAt = at,
        NextAttemptAt = state == DeliveryState.Pending ? at.AddMinutes(2) : at,
        LastAttemptAt = attempts > 0 ? at.AddSeconds(1) : null,
        LastStatus = status,
        LastError = error,
        CompletedAt = state == DeliveryState.Pending ? null : at.AddSeconds(1),
    };

    /// <summary>Stores the rows as they are (state, attempts, answer), oldest first.</summary>
    protected Task StoreAsync(params OutboxDelivery[] rows) => Store.AddAsync(rows, CancellationToken.None);

    /// <summary>The deliveries the table shows, by their field (data-field), row by row.</summary>
    protected static IReadOnlyList<AngleSharp.Dom.IElement> Rows(IRenderedComponent<NotificationsPage> cut) =>
        [.. cut.FindAll("[data-testid=delivery]").Select(cell => cell.ParentElement!)];

    protected static string Field(AngleSharp.Dom.IElement row, string field) => row.QuerySelector($"[data-field={field}]")!.TextContent.Trim();

    /// <summary>Text as a reader sees it: runs of white space (the markup's line breaks) as one space.</summary>
    protected static string Words(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
}
