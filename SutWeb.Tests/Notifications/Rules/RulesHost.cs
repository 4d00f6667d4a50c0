using Microsoft.Extensions.DependencyInjection;
using SutWeb.Notifications;
using SutWeb.Notifications.Rules;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Notifications.Rules;

/// <summary>
/// The real host with its simulator (no agents of its own, so that nothing happens that a test did not do), a rule per
/// event, and the outbox replaced by a <see cref="RecordingOutbox"/>.
/// </summary>
public sealed class RulesHost : IAsyncLifetime
{
    public const string PublicUrl = "https://sutweb.example.com/";

    public static readonly IReadOnlyDictionary<string, string[]> RuleEvents = new Dictionary<string, string[]>
    {
        ["failed"] = [NotificationEvents.RunFailed],
        ["incomplete"] = [NotificationEvents.RunIncomplete],
        ["lost"] = [NotificationEvents.RunLost],
        ["stuck"] = [NotificationEvents.RunStuck],
        ["agents"] = [NotificationEvents.AgentDisconnected, NotificationEvents.AgentReconnected],
        ["sources"] = [NotificationEvents.SourceDown, NotificationEvents.SourceRecovered],
    };

    public RecordingOutbox Outbox { get; } = new();

    public SutWebHost Host { get; private set; } = null!;

    public static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string[]> rules)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Simulator:AgentCount"] = "0",
            ["Dashboard:PublicUrl"] = PublicUrl,
            ["Dashboard:StuckAfter"] = "01:00:00",
            ["Notifications:Channels:ops:Type"] = "Webhook",
            ["Notifications:Channels:ops:Url"] = "https://hooks.example.com/sutweb",
        };
        foreach (var (rule, events) in rules)
        {
            settings[$"Notifications:Rules:{rule}:Channels:0"] = "ops";
            for (var i = 0; i < events.Length; i++)
            {
                settings[$"Notifications:Rules:{rule}:Events:{i}"] = events[i];
            }
        }
        return settings;
    }

    public static Task<SutWebHost> StartAsync(IReadOnlyDictionary<string, string[]> rules, RecordingOutbox outbox) =>
        SutWebHost.StartAsync(Settings(rules), services => services.AddSingleton<INotificationOutbox>(outbox));

    /// <summary>The first message of <paramref name="rule"/> about <paramref name="notificationEvent"/> (and <paramref name="agent"/>), once it comes.</summary>
    public async Task<Notification> MessageAsync(string rule, string notificationEvent, string? agent = null)
    {
        Notification? found = null;
        await Eventually.UntilAsync(() => (found = Outbox.Received.FirstOrDefault(n =>
                n.Rule == rule && n.Event == notificationEvent && (agent is null || n.Agent?.AgentName == agent))) is not null,
            $"rule {rule} tells of {notificationEvent} {agent}");
        return found!;
    }

    /// <summary>Until the rules have judged the board as it is now (each change a test makes must be seen on its own).</summary>
    public static Task SeenAsync(SutWebHost host)
    {
        var status = host.Services.GetRequiredService<NotificationRulesStatus>();
        var version = host.Board.Current.Version;
        return Eventually.UntilAsync(() => status.ObservedVersion >= version, $"the rules have judged version {version}");
    }

    /// <summary>Until the board shows <paramref name="condition"/> and the rules have judged it.</summary>
    public static async Task BoardAsync(SutWebHost host, Func<IReadOnlyList<SutWeb.Shared.Views.AgentView>, bool> condition, string because)
    {
        await Eventually.UntilAsync(() => condition(host.Board.Current.Agents), because);
        await SeenAsync(host);
    }

    public async Task InitializeAsync() => Host = await StartAsync(RuleEvents, Outbox);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
