using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SutWeb.Notifications.Channels;
using SutWeb.Notifications.Delivery;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Notifications;

/// <summary>What each channel's receiver gets, received by a real server on loopback.</summary>
public sealed class ChannelBodyTests
{
    [Fact]
    public async Task Webhook_RunFailed_PostsTheContractsFieldsWithDeliveryAndExtraHeaders()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        var settings = DeliveryHost.Channel("hook", "Webhook", receiver.Url("/hooks/sutweb"));
        settings["Notifications:Channels:hook:Headers:X-Team"] = "qa";
        await using var host = await DeliveryHost.StartAsync(settings);
        var notification = DeliveryHost.RunFailed(DateTimeOffset.UtcNow, "hook");

        await host.EnqueueAsync(notification);
        await host.DeliveryAsync(notification.DeliveryId, "hook", d => d.State == DeliveryState.Sent, "is sent");

        var request = Assert.Single(receiver.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/sutweb", request.PathAndQuery);
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        Assert.Equal(notification.DeliveryId.ToString(), request.Header("X-SutWeb-Delivery"));
        Assert.Equal("qa", request.Header("X-Team"));
        Assert.Null(request.Header("X-SutWeb-Signature"));
        var body = request.Json;
        Assert.Equal(
            ["deliveryId", "event", "resolved", "at", "rule", "source", "sourceName", "agent", "run", "count", "dashboardUrl"],
            body.Select(p => p.Key).ToArray());
        Assert.Equal(notification.DeliveryId.ToString(), (string?)body["deliveryId"]);
        Assert.Equal("RunFailed", (string?)body["event"]);
        Assert.False((bool)body["resolved"]!);
        Assert.Equal(notification.At.ToUniversalTime(), DateTimeOffset.Parse((string)body["at"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("nightly", (string?)body["rule"]);
        Assert.Equal("lab-a", (string?)body["source"]);
        Assert.Equal("Lab A & B", (string?)body["sourceName"]);
        Assert.Equal(["key", "agentName", "port"], body["agent"]!.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal("lab-a", (string?)body["agent"]!["agentName"]);
        Assert.Equal(5201, (int)body["agent"]!["port"]!);
        Assert.Equal("exec-42", (string?)body["run"]!["executionId"]);
        Assert.Equal("Checkout <beta>", (string?)body["run"]!["modelName"]);
        Assert.Equal("Failed", (string?)body["run"]!["outcome"]);
        Assert.Contains("assert total < 100", (string?)body["run"]!["lastLog"]);
        Assert.Equal(1, (int)body["count"]!);
        Assert.Equal(notification.DashboardUrl, (string?)body["dashboardUrl"]);
    }

    [Fact]
    public async Task Webhook_SourceDownFolded_SendsNullAgentAndRunAndTheCount()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        await using var host = await DeliveryHost.StartAsync(DeliveryHost.Channel("hook", "Webhook", receiver.Url("/in")));
        var notification = DeliveryHost.SourceDown(DateTimeOffset.UtcNow, 200, "hook");

        await host.EnqueueAsync(notification);
        await host.DeliveryAsync(notification.DeliveryId, "hook", d => d.State == DeliveryState.Sent, "is sent");

        var body = Assert.Single(receiver.Requests).Json;
        Assert.True(body.ContainsKey("agent") && body["agent"] is null);
        Assert.True(body.ContainsKey("run") && body["run"] is null);
        Assert.True(body.ContainsKey("dashboardUrl") && body["dashboardUrl"] is null);
        Assert.Equal(200, (int)body["count"]!);
        Assert.Equal("SourceDown", (string?)body["event"]);
    }

    [Fact]
    public async Task Webhook_WithSecret_SignatureVerifiesAsAReceiverWould()
    {
        const string secret = "s3cr3t-signing-key";
        await using var receiver = await RecordingReceiver.StartAsync();
        var settings = DeliveryHost.Channel("hook", "Webhook", receiver.Url("/signed"));
        settings["Notifications:Channels:hook:Secret"] = secret;
        await using var host = await DeliveryHost.StartAsync(settings);
        var notification = DeliveryHost.RunFailed(DateTimeOffset.UtcNow, "hook");

        await host.EnqueueAsync(notification);
        await host.DeliveryAsync(notification.DeliveryId, "hook", d => d.State == DeliveryState.Sent, "is sent");

        // As a receiver in any language would: HMAC-SHA256 of the raw body bytes, keyed by the secret, in hex.
        var request = Assert.Single(receiver.Requests);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), request.Body));
        Assert.Equal(expected, request.Header("X-SutWeb-Signature"));
        Assert.True(WebhookSignature.Verify(secret, request.Body, request.Header("X-SutWeb-Signature")));
        Assert.False(WebhookSignature.Verify("another-secret", request.Body, request.Header("X-SutWeb-Signature")));
    }

    [Fact]
    public async Task Slack_RunFailed_PostsTextAndBlocksWithSlacksEscaping()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        await using var host = await DeliveryHost.StartAsync(DeliveryHost.Channel("team", "Slack", receiver.Url("/services/T0/B0/token")));
        var notification = DeliveryHost.RunFailed(DateTimeOffset.UtcNow, "team");

        await host.EnqueueAsync(notification);
        await host.DeliveryAsync(notification.DeliveryId, "team", d => d.State == DeliveryState.Sent, "is sent");

        var body = Assert.Single(receiver.Requests).Json;
        Assert.Equal("Run failed: lab-a:5201", (string?)body["text"]);
        var blocks = body["blocks"]!.AsArray();
        // The texts as Slack reads them (the JSON itself may write < as \u003C).
        var all = string.Join('\n', blocks.SelectMany(b => b!.AsObject().Select(p => p.Value)).SelectMany(Texts));
        var head = (string)blocks[0]!["text"]!["text"]!;
        Assert.Equal("mrkdwn", (string?)blocks[0]!["text"]!["type"]);
        Assert.Contains("*Run failed: lab-a:5201*", head);
        var fields = blocks[1]!["fields"]!.AsArray().Select(f => (string)f!["text"]!).ToList();
        Assert.Contains("*Model*\nCheckout &lt;beta&gt;", fields);
        Assert.Contains("*Source*\nLab A &amp; B (lab-a)", fields);
        Assert.Contains("*Agent*\nlab-a:5201", fields);
        Assert.Contains(fields, f => f.StartsWith("*Started by*\nalice", StringComparison.Ordinal));
        Assert.Contains(fields, f => f.StartsWith("*Since*\n", StringComparison.Ordinal));
        var log = blocks.Select(b => (string?)b!["text"]?["text"]).Single(t => t?.StartsWith("*Last log*", StringComparison.Ordinal) == true);
        Assert.Contains("```step 1 ok\nstep 2 ok\nassert total &lt; 100 &amp; &gt; 0 failed```", log);
        Assert.Contains("<https://sutweb.example.com/agents/lab-a?port=5201&amp;x=1|Open in SutWeb>", all);
        Assert.DoesNotContain("Checkout <beta>", all);
    }

    private static IEnumerable<string> Texts(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => o.SelectMany(p => Texts(p.Value)),
        System.Text.Json.Nodes.JsonArray a => a.SelectMany(Texts),
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    [Fact]
    public async Task Teams_RunFailed_PostsAnAdaptiveCardMessage()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        await using var host = await DeliveryHost.StartAsync(DeliveryHost.Channel("teams", "Teams", receiver.Url("/workflows/abc/triggers/manual/paths/invoke?sig=tok")));
        var notification = DeliveryHost.RunFailed(DateTimeOffset.UtcNow, "teams");

        await host.EnqueueAsync(notification);
        await host.DeliveryAsync(notification.DeliveryId, "teams", d => d.State == DeliveryState.Sent, "is sent");

        var body = Assert.Single(receiver.Requests).Json;
        Assert.Equal("message", (string?)body["type"]);
        var attachment = Assert.Single(body["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.4", (string?)card["version"]);
        var items = card["body"]!.AsArray();
        Assert.Equal("TextBlock", (string?)items[0]!["type"]);
        Assert.Equal("Run failed: lab-a:5201", (string?)items[0]!["text"]);
        Assert.Equal("Attention", (string?)items[0]!["color"]);
        var facts = items.Single(i => (string?)i!["type"] == "FactSet")!["facts"]!.AsArray()
            .ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);
        Assert.Equal("Checkout <beta>", facts["Model"]);
        Assert.Equal("lab-a:5201", facts["Agent"]);
        Assert.StartsWith("alice", facts["Started by"]);
        Assert.Contains(items, i => (string?)i!["fontType"] == "Monospace" && ((string)i!["text"]!).EndsWith("assert total < 100 & > 0 failed", StringComparison.Ordinal));
        var action = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal("Action.OpenUrl", (string?)action["type"]);
        Assert.Equal(notification.DashboardUrl, (string?)action["url"]);
    }

    [Fact]
    public async Task Email_RunFailed_SendsTextAndEscapedHtmlOverStartTlsWithSignIn()
    {
        await using var smtp = SmtpReceiver.Start("sutweb", "smtp-pass-123");
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Channels:mail:Type"] = "Email",
            ["Notifications:Channels:mail:Host"] = "127.0.0.1",
            ["Notifications:Channels:mail:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Channels:mail:StartTls"] = "true",
            ["Notifications:Channels:mail:Username"] = "sutweb",
            ["Notifications:Channels:mail:Password"] = "smtp-pass-123",
            ["Notifications:Channels:mail:From"] = "SutWeb <sutweb@example.com>",
            ["Notifications:Channels:mail:To:0"] = "qa@example.com",
            ["Notifications:Channels:mail:To:1"] = "ops@example.com",
        };
        await using var host = await DeliveryHost.StartAsync(settings,
            services: s => s.AddSingleton(new SmtpCertificateValidation { Callback = smtp.TrustItsCertificate }));
        var notification = DeliveryHost.RunFailed(DateTimeOffset.UtcNow, "mail");

        await host.EnqueueAsync(notification);
        await host.DeliveryAsync(notification.DeliveryId, "mail", d => d.State == DeliveryState.Sent, "is sent");

        var mail = Assert.Single(smtp.Received);
        Assert.True(mail.Secure, "the session was upgraded with STARTTLS before the message");
        Assert.Equal("sutweb", mail.User);
        Assert.Equal("sutweb@example.com", mail.EnvelopeFrom);
        Assert.Equal(["qa@example.com", "ops@example.com"], mail.EnvelopeTo);
        var message = mail.Message;
        Assert.Equal("[SutWeb] Run failed: lab-a:5201", message.Subject);
        Assert.Equal(["qa@example.com", "ops@example.com"], message.To.Mailboxes.Select(m => m.Address).ToArray());
        Assert.Equal($"{notification.DeliveryId}@sutweb", message.MessageId);
        Assert.Contains("Model:", message.TextBody);
        Assert.Contains("Checkout <beta>", message.TextBody);
        Assert.Contains("assert total < 100 & > 0 failed", message.TextBody);
        Assert.Contains(notification.DashboardUrl!, message.TextBody);
        Assert.Contains("Checkout &lt;beta&gt;", message.HtmlBody);
        Assert.Contains("assert total &lt; 100 &amp; &gt; 0 failed", message.HtmlBody);
        Assert.DoesNotContain("<beta>", message.HtmlBody);
        Assert.Contains("href=\"https://sutweb.example.com/agents/lab-a?port=5201&amp;x=1\"", message.HtmlBody);
        Assert.IsType<MultipartAlternative>(message.Body);
    }

    [Fact]
    public async Task Email_RecipientRefusedByTheServer_IsRefusedWith550AndNotRetried()
    {
        await using var smtp = SmtpReceiver.Start("sutweb", "pw-12345", "nobody@example.com");
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Channels:mail:Type"] = "Email",
            ["Notifications:Channels:mail:Host"] = "127.0.0.1",
            ["Notifications:Channels:mail:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Channels:mail:Username"] = "sutweb",
            ["Notifications:Channels:mail:Password"] = "pw-12345",
            ["Notifications:Channels:mail:From"] = "sutweb@example.com",
            ["Notifications:Channels:mail:To:0"] = "nobody@example.com",
        };
        await using var host = await DeliveryHost.StartAsync(settings,
            services: s => s.AddSingleton(new SmtpCertificateValidation { Callback = smtp.TrustItsCertificate }));
        var notification = DeliveryHost.RunFailed(DateTimeOffset.UtcNow, "mail");

        await host.EnqueueAsync(notification);
        var refused = await host.DeliveryAsync(notification.DeliveryId, "mail", d => d.State == DeliveryState.Refused, "is refused");

        Assert.Equal(550, refused.LastStatus);
        Assert.StartsWith("SMTP 550", refused.LastError);
        Assert.Equal(1, refused.Attempts);
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task SendTest_OnAChannel_DeliversATestMessage()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        await using var host = await DeliveryHost.StartAsync(DeliveryHost.Channel("team", "Slack", receiver.Url("/services/x")));

        var id = await host.Deliveries().SendTestAsync("team");
        var delivery = await host.DeliveryAsync(id, "team", d => d.State == DeliveryState.Sent, "is sent");

        Assert.Equal(ChannelTest.Event, delivery.Event);
        var body = Assert.Single(receiver.Requests).Json;
        Assert.Equal("Test message from SutWeb", (string?)body["text"]);
        var last = await host.Deliveries().LastResultAsync("team");
        Assert.Equal(DeliveryState.Sent, last!.State);
        Assert.Equal(200, last.LastStatus);
        var channel = Assert.Single(host.Deliveries().Channels);
        Assert.Equal(new ChannelSummary("team", SutWeb.Notifications.ChannelType.Slack, receiver.BaseAddress.Authority), channel);
    }
}
