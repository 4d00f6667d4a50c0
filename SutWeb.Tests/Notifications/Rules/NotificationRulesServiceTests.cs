using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SutWeb.Components;
using SutWeb.Eggplant;
using SutWeb.Monitoring;
using SutWeb.Notifications;
using SutWeb.Notifications.Rules;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;
using static SutWeb.Tests.Notifications.Rules.RuleAgents;

namespace SutWeb.Tests.Notifications.Rules;

/// <summary>The service between the board and the outbox: batches of the real board in, messages out, whatever the outbox does.</summary>
public sealed class NotificationRulesServiceTests
{
    [Fact]
    public async Task Service_OutboxFailsOnce_LogsItAndGoesOnWithTheNextMessage()
    {
        var board = new AgentBoard();
        var outbox = new FailingOnceOutbox();
        var logs = new CapturedLogs();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var options = new NotificationOptions
        {
            // A rule per agent: each one's first message goes at once, with no fold window to wait for.
            Rules =
            {
                ["first"] = new RuleOptions { Events = [NotificationEvents.RunFailed], Channels = ["ops"], Agents = ["lab-1"] },
                ["second"] = new RuleOptions { Events = [NotificationEvents.RunFailed], Channels = ["ops"], Agents = ["lab-2"] },
            },
        };
        using var service = new NotificationRulesService(board, outbox, new NotificationRulesStatus(), Options.Create(options), Options.Create(new DashboardOptions()),
            Options.Create(new EggplantOptions()), TimeProvider.System, loggers.CreateLogger<NotificationRulesService>());
        var start = DateTimeOffset.UtcNow;
        // The first poll, before the service starts: where it starts from.
        Publish(board, WithRun("lab-1", "e1", "Running", start), WithRun("lab-2", "e2", "Running", start));
        await service.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => board.Subscribers == 1, "the service follows the board");

        Publish(board, WithRun("lab-1", "e1", "Failed", start), WithRun("lab-2", "e2", "Running", start));
        await Eventually.UntilAsync(() => outbox.Attempts == 1, "the first message is offered");
        Publish(board, WithRun("lab-1", "e1", "Failed", start), WithRun("lab-2", "e2", "Failed", start));

        await Eventually.UntilAsync(() => outbox.Attempts == 2, "the next message is offered");
        await service.StopAsync(CancellationToken.None);
        Assert.Equal(("second", "e2"), (outbox.Received.Single().Rule, outbox.Received.Single().Run!.ExecutionId));
        Assert.Contains(logs.Lines, l => l.Contains("could not be handed to the outbox", StringComparison.Ordinal));
    }

    private static void Publish(AgentBoard board, params AgentView[] agents)
    {
        var now = DateTimeOffset.UtcNow;
        board.PublishAgents("default", agents, now);
        board.PublishHealth("default", "Main lab", new UpstreamHealth { State = UpstreamState.Healthy, LastSuccessAt = now, PollIntervalSeconds = 1 });
    }

    private sealed class FailingOnceOutbox : INotificationOutbox
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public List<Notification> Received { get; } = [];

        public ValueTask EnqueueAsync(Notification notification, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _attempts) == 1)
            {
                throw new InvalidOperationException("The database is away.");
            }
            lock (Received)
            {
                Received.Add(notification);
            }
            return ValueTask.CompletedTask;
        }
    }
}
