using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Notifications;
using SutWeb.Notifications.Delivery;
using SutWeb.Shared.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Notifications;

/// <summary>
/// The real SutWeb host with notification channels, an empty quiet simulator, and notifications handed straight to
/// its outbox (as the rules do); and a sample notification whose texts carry characters each channel must escape.
/// </summary>
internal static class DeliveryHost
{
    public static async Task<SutWebHost> StartAsync(
        IReadOnlyDictionary<string, string?> settings, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?> { ["Simulator:AgentCount"] = "0" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        return clock is null
            ? await SutWebHost.StartAsync(all, services)
            : await SutWebHost.StartOnClockAsync(clock, all, services);
    }

    /// <summary>Settings of one HTTP channel.</summary>
    public static Dictionary<string, string?> Channel(string name, string type, string url) => new()
    {
        [$"Notifications:Channels:{name}:Type"] = type,
        [$"Notifications:Channels:{name}:Url"] = url,
    };

    public static Task EnqueueAsync(this SutWebHost host, Notification notification) =>
        host.Services.GetRequiredService<INotificationOutbox>().EnqueueAsync(notification, CancellationToken.None).AsTask();

    public static NotificationDeliveries Deliveries(this SutWebHost host) => host.Services.GetRequiredService<NotificationDeliveries>();

    /// <summary>The delivery of <paramref name="id"/> to <paramref name="channel"/> once <paramref name="until"/> holds for it.</summary>
    public static async Task<DeliveryRecord> DeliveryAsync(
        this SutWebHost host, Guid id, string channel, Func<DeliveryRecord, bool> until, string because, TimeSpan? timeout = null)
    {
        DeliveryRecord? found = null;
        var ok = await Eventually.TryUntilAsync(async () =>
        {
            try
            {
                found = (await host.Deliveries().RecentAsync(NotificationDeliveries.MaxLimit, channel)).FirstOrDefault(d => d.DeliveryId == id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return false; // The history database may still be opening.
            }
            return found is not null && until(found);
        }, timeout ?? Eventually.DefaultTimeout);
        if (!ok)
        {
            var log = string.Join('\n', host.Logs.Lines.Where(l => l.Contains("Notification", StringComparison.Ordinal)).TakeLast(20));
            throw new TimeoutException(
                $"Timed out waiting until delivery {id} to {channel} {because} (it is {found?.State.ToString() ?? "not stored"}, " +
                $"{found?.Attempts} attempts, last error {found?.LastError}). Notification log:\n{log}");
        }
        return found!;
    }

    /// <summary>When the channel's worker waits for its next attempt (after a failure), once it waits on the clock.</summary>
    public static async Task<DateTimeOffset> NextAttemptAsync(this SutWebHost host, string channel)
    {
        var activity = host.Services.GetRequiredService<DeliveryActivity>();
        DateTimeOffset? until = null;
        await Eventually.UntilAsync(() => activity.IsWaiting(channel, out until) && until is not null, $"channel {channel} waits for its next attempt");
        return until!.Value;
    }

    /// <summary>Moves the clock to the channel's next attempt, once its worker waits for it.</summary>
    public static async Task AdvanceToNextAttemptAsync(this SutWebHost host, FakeTimeProvider clock, string channel)
    {
        var next = await host.NextAttemptAsync(channel);
        var wait = next - clock.GetUtcNow();
        clock.Advance(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
    }

    /// <summary>A failed run on lab-a:5201, with a log and names holding &amp;, &lt; and &gt;.</summary>
    public static Notification RunFailed(DateTimeOffset at, params string[] channels) => new()
    {
        DeliveryId = Guid.NewGuid(),
        Event = NotificationEvents.RunFailed,
        At = at,
        Since = at.AddMinutes(-3),
        Rule = "nightly",
        Source = "lab-a",
        SourceName = "Lab A & B",
        Agent = new NotificationAgent("lab-a|lab-a:5201", "lab-a", 5201),
        Run = new RunRecord
        {
            Source = "lab-a",
            AgentName = "lab-a",
            Port = 5201,
            ExecutionId = "exec-42",
            RunId = "run-7",
            ModelName = "Checkout <beta>",
            UserName = "alice",
            Type = "Exploratory",
            Initiator = "Scheduler",
            StartTime = at.AddMinutes(-10),
            EndTime = at,
            Outcome = "Failed",
            DurationSeconds = 600,
            LastLog = "step 1 ok\nstep 2 ok\nassert total < 100 & > 0 failed",
        },
        DashboardUrl = "https://sutweb.example.com/agents/lab-a?port=5201&x=1",
        Channels = channels,
    };

    /// <summary>A source's event: no agent, no run.</summary>
    public static Notification SourceDown(DateTimeOffset at, int count, params string[] channels) => new()
    {
        DeliveryId = Guid.NewGuid(),
        Event = NotificationEvents.SourceDown,
        At = at,
        Since = at.AddMinutes(-1),
        Rule = "labs",
        Source = "lab-b",
        SourceName = "Lab B",
        Count = count,
        Channels = channels,
    };
}
