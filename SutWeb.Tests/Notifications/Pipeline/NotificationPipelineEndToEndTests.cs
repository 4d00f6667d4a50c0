using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Notifications;
using SutWeb.Notifications.Channels;
using SutWeb.Notifications.Delivery;
using SutWeb.Shared.Views;
using SutWeb.Tests.History;
using SutWeb.Tests.Notifications.Rules;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Notifications.Pipeline;

/// <summary>
/// The whole pipeline, nothing replaced: what the simulator's control API makes the real poller see, judged by the
/// real rules, stored in the real outbox (in the history database, or in memory with <c>History:Provider=None</c>) and
/// sent by the real channel to a receiver on loopback, which checks what it got as a team's receiver would.
/// </summary>
public abstract class NotificationPipelineEndToEndTests
{
    private const string Secret = "pipeline-signing-key";
    private const string PublicUrl = "https://sutweb.example.com/";

    /// <summary>The history database the host records into, or null for <c>History:Provider=None</c>.</summary>
    protected abstract HistoryTestDatabase? NewDatabase();

    protected abstract bool Durable { get; }

    [Fact]
    public async Task RunFailsInTheSimulator_WebhookGetsOneSignedPostWithTheRun_AndTheMailGoesOut()
    {
        await using var database = NewDatabase();
        await using var receiver = await RecordingReceiver.StartAsync();
        await using var smtp = SmtpReceiver.Start("sutweb", "smtp-pass-123");
        var settings = Settings(database, receiver, new() { ["failed"] = [NotificationEvents.RunFailed] }, "hook", "mail");
        settings["Notifications:Channels:mail:Type"] = "Email";
        settings["Notifications:Channels:mail:Host"] = "127.0.0.1";
        settings["Notifications:Channels:mail:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Notifications:Channels:mail:StartTls"] = "true";
        settings["Notifications:Channels:mail:Username"] = "sutweb";
        settings["Notifications:Channels:mail:Password"] = "smtp-pass-123";
        settings["Notifications:Channels:mail:From"] = "SutWeb <sutweb@example.com>";
        settings["Notifications:Channels:mail:To:0"] = "qa@example.com";
        await using var host = await SutWebHost.StartAsync(settings,
            s => s.AddSingleton(new SmtpCertificateValidation { Callback = smtp.TrustItsCertificate }));
        var id = Guid.NewGuid().ToString();
        await host.PutAgentAsync("lab-7", HistoryAgents.WithRun("lab-7", 6207, id, "Running", model: "Checkout"));
        await RulesHost.BoardAsync(host, agents => agents.Any(a => a.AgentName == "lab-7"), "the run is on the board");

        await host.PutAgentAsync("lab-7", HistoryAgents.WithRun("lab-7", 6207, id, "Failed", model: "Checkout"));

        await Eventually.UntilAsync(() => receiver.Requests.Count > 0 && smtp.Received.Count > 0, "the webhook and the mail are received");
        var request = Assert.Single(receiver.Requests);
        var body = request.Json;
        Assert.Equal("/hooks/sutweb", request.PathAndQuery);
        Assert.Equal("RunFailed", (string?)body["event"]);
        Assert.False((bool)body["resolved"]!);
        Assert.Equal("failed", (string?)body["rule"]);
        Assert.Equal("lab-7", (string?)body["agent"]!["agentName"]);
        Assert.Equal(6207, (int)body["agent"]!["port"]!);
        Assert.Equal(id, (string?)body["run"]!["executionId"]);
        Assert.Equal("Checkout", (string?)body["run"]!["modelName"]);
        Assert.Equal("tester", (string?)body["run"]!["userName"]);
        Assert.Equal("Failed", (string?)body["run"]!["outcome"]);
        Assert.Contains("step 40 of 40 on lab-7, Failed", (string?)body["run"]!["lastLog"]);
        Assert.Equal($"{PublicUrl}agents/default/lab-7", (string?)body["dashboardUrl"]);
        // The id in the header is the body's, and the signature verifies as a receiver in any language checks it:
        // HMAC-SHA256 of the raw body bytes, keyed by the shared secret, in hex.
        var deliveryId = Guid.Parse(request.Header("X-SutWeb-Delivery")!);
        Assert.Equal(deliveryId.ToString(), (string?)body["deliveryId"]);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), request.Body));
        Assert.Equal(expected, request.Header("X-SutWeb-Signature"));

        var mail = Assert.Single(smtp.Received);
        Assert.Contains("Run failed", mail.Message.Subject, StringComparison.Ordinal);
        Assert.Contains("Checkout", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{PublicUrl}agents/default/lab-7", mail.Message.TextBody, StringComparison.Ordinal);

        var delivery = await host.DeliveryAsync(deliveryId, "hook", d => d.State == DeliveryState.Sent, "is shown as sent");
        Assert.Equal((1, 200), (delivery.Attempts, delivery.LastStatus));
        Assert.Equal(Durable, host.Deliveries().Durable);
    }

    [Fact]
    public async Task AgentAwayLongerThanFor_WebhookGetsDisconnectedThenReconnectedResolved()
    {
        var poll = TimeSpan.FromSeconds(5);
        await using var database = NewDatabase();
        await using var receiver = await RecordingReceiver.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = Settings(database, receiver,
            new() { ["gone"] = [NotificationEvents.AgentDisconnected, NotificationEvents.AgentReconnected] }, "hook");
        settings["Notifications:Rules:gone:For"] = "00:01:00";
        settings["Eggplant:PollInterval"] = settings["Eggplant:IdlePollInterval"] = "00:00:05";
        await using var host = await SutWebHost.StartOnClockAsync(clock, settings);
        await host.PutAgentAsync("lab-1", HistoryAgents.Idle("lab-1", 6101));
        await RulesClock.PassAsync(host, clock, poll, 2 * poll);

        await host.DeleteAgentAsync("lab-1");
        await RulesClock.PassAsync(host, clock, poll, TimeSpan.FromMinutes(1) + 2 * poll);
        await Eventually.UntilAsync(() => receiver.Requests.Count >= 1, "the disconnection is received");
        await host.PutAgentAsync("lab-1", HistoryAgents.Idle("lab-1", 6101));
        await RulesClock.PassAsync(host, clock, poll, 2 * poll);
        await Eventually.UntilAsync(() => receiver.Requests.Count >= 2, "the reconnection is received");

        var bodies = receiver.Requests.Select(r => r.Json).ToList();
        Assert.Equal([("AgentDisconnected", false), ("AgentReconnected", true)], bodies.Select(b => ((string)b["event"]!, (bool)b["resolved"]!)));
        Assert.All(bodies, b => Assert.Equal("lab-1", (string?)b["agent"]!["agentName"]));
        Assert.NotEqual((string?)bodies[0]["deliveryId"], (string?)bodies[1]["deliveryId"]);
        Assert.All(receiver.Requests, r => Assert.Equal((string?)r.Json["deliveryId"], r.Header("X-SutWeb-Delivery")));
    }

    [Fact]
    public async Task SourceWith200AgentsDownAndBack_ReceiverGetsOneSourceDownAndOneSourceRecovered()
    {
        await using var database = NewDatabase();
        await using var receiver = await RecordingReceiver.StartAsync();
        var settings = Settings(database, receiver, new() { ["all"] = [.. NotificationEvents.All] }, "hook");
        await using var host = await SutWebHost.StartAsync(settings);
        var names = Enumerable.Range(1, 200).Select(i => $"storm-{i:000}").ToList();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            await host.PutAgentAsync(name, i % 2 == 0 ? HistoryAgents.Idle(name, 7000 + i) : HistoryAgents.WithRun(name, 7000 + i, Guid.NewGuid().ToString(), "Running"));
        }
        // An agent that stays, whose run fails after the outage: its message follows the others on the channel,
        // which sends in order, so once it is received nothing told before it is still on its way.
        var marker = Guid.NewGuid().ToString();
        await host.PutAgentAsync("marker", HistoryAgents.WithRun("marker", 7999, marker, "Running"));
        await RulesHost.BoardAsync(host, agents => agents.Count == 201 && host.Board.Current.Health.State == UpstreamState.Healthy,
            "the 201 agents are on the board");

        await host.SetFaultAsync("http500");
        await Eventually.UntilAsync(() => receiver.Requests.Count >= 1, "the outage is received");
        foreach (var name in names)
        {
            await host.DeleteAgentAsync(name);
        }
        await host.SetFaultAsync("none");
        await RulesHost.BoardAsync(host, agents => agents.Count == 1 && host.Board.Current.Health.State == UpstreamState.Healthy,
            "the source is back without the 200");
        await host.PutAgentAsync("marker", HistoryAgents.WithRun("marker", 7999, marker, "Failed"));
        await Eventually.UntilAsync(() => receiver.Requests.Any(r => (string?)r.Json["event"] == "RunFailed"), "the marker's failure is received");

        var bodies = receiver.Requests.Select(r => r.Json).ToList();
        Assert.Equal(["SourceDown", "SourceRecovered", "RunFailed"], bodies.Select(b => (string)b["event"]!));
        Assert.True((bool)bodies[1]["resolved"]!);
        Assert.Equal(201, (int)bodies[1]["count"]!);
        Assert.All(bodies.Take(2), b => Assert.Null(b["agent"]));
        Assert.Equal(marker, (string?)bodies[2]["run"]!["executionId"]);
    }

    private static Dictionary<string, string?> Settings(
        HistoryTestDatabase? database, RecordingReceiver receiver, Dictionary<string, string[]> rules, params string[] channels)
    {
        var settings = new Dictionary<string, string?>(database?.Settings ?? new Dictionary<string, string?> { ["History:Provider"] = "None" })
        {
            ["Simulator:AgentCount"] = "0",
            ["Dashboard:PublicUrl"] = PublicUrl,
            ["Dashboard:StuckAfter"] = "01:00:00",
            ["Notifications:Channels:hook:Type"] = "Webhook",
            ["Notifications:Channels:hook:Url"] = receiver.Url("/hooks/sutweb"),
            ["Notifications:Channels:hook:Secret"] = Secret,
        };
        foreach (var (rule, events) in rules)
        {
            for (var i = 0; i < channels.Length; i++)
            {
                settings[$"Notifications:Rules:{rule}:Channels:{i}"] = channels[i];
            }
            for (var i = 0; i < events.Length; i++)
            {
                settings[$"Notifications:Rules:{rule}:Events:{i}"] = events[i];
            }
        }
        return settings;
    }
}
