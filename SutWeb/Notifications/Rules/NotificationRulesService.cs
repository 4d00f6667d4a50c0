using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SutWeb.Components;
using SutWeb.Eggplant;
using SutWeb.Eggplant.Sources;
using SutWeb.Monitoring;

namespace SutWeb.Notifications.Rules;

/// <summary>
/// Follows the board like any page and lets <see cref="RuleEngine"/> judge each batch; the messages it decides on go to
/// the outbox from a queue of their own, so neither the board nor the poller ever waits for the outbox. Runs only when
/// rules are configured (<see cref="NotificationRulesServiceCollectionExtensions.AddNotificationRules"/>).
/// </summary>
public sealed partial class NotificationRulesService(
    AgentBoard board,
    INotificationOutbox outbox,
    NotificationRulesStatus status,
    IOptions<NotificationOptions> notifications,
    IOptions<DashboardOptions> dashboard,
    IOptions<EggplantOptions> eggplant,
    TimeProvider timeProvider,
    ILogger<NotificationRulesService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var rules = notifications.Value.Rules.Select(r => new CompiledRule(r.Key, r.Value)).ToList();
        var names = EggplantSources.Resolve(eggplant.Value).ToDictionary(s => s.Id, s => s.DisplayName, StringComparer.Ordinal);
        // Messages are few (folded), and each waits here only as long as the outbox takes to store one.
        var decided = Channel.CreateUnbounded<Notification>(new UnboundedChannelOptions { SingleReader = true });
        var handOver = HandOverAsync(decided.Reader);
        try
        {
            using var engine = new RuleEngine(rules, dashboard.Value.StuckAfter, dashboard.Value.PublicUrl, names, timeProvider,
                notification => decided.Writer.TryWrite(notification));
            using var subscription = board.Subscribe();
            LogFollowing(logger, rules.Count);
            engine.Observe(subscription.Initial, null);
            status.Observed(subscription.Initial.Version);
            await foreach (var batch in subscription.ReadBatchesAsync(stoppingToken))
            {
                engine.Observe(batch.Snapshot, batch.ChangedKeys);
                status.Observed(batch.Snapshot.Version);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            decided.Writer.TryComplete();
            await handOver;
        }
    }

    /// <summary>
    /// Until the queue is completed, not until the host stops: what was decided before the stop still reaches the
    /// outbox, which stores it before the delivery part stops (the rules stop first, registered after it).
    /// </summary>
    private async Task HandOverAsync(ChannelReader<Notification> decided)
    {
        await foreach (var notification in decided.ReadAllAsync(CancellationToken.None))
        {
            LogDecided(logger, notification.Rule, notification.Event, notification.Resolved, notification.Source,
                notification.Agent?.AgentName, notification.Count, notification.DeliveryId);
            try
            {
                await outbox.EnqueueAsync(notification, CancellationToken.None);
            }
            catch (Exception exception)
            {
                LogNotStored(logger, exception, notification.Rule, notification.Event, notification.DeliveryId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification rules follow the board: {Rules} rule(s)")]
    private static partial void LogFollowing(ILogger logger, int rules);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Rule {Rule}: {Event} (resolved: {Resolved}) for source {Source}, agent {Agent}, {Count} event(s), delivery {DeliveryId}")]
    private static partial void LogDecided(ILogger logger, string rule, string @event, bool resolved, string source, string? agent, int count, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rule {Rule}: the {Event} message {DeliveryId} could not be handed to the outbox and is lost")]
    private static partial void LogNotStored(ILogger logger, Exception exception, string rule, string @event, Guid deliveryId);
}
