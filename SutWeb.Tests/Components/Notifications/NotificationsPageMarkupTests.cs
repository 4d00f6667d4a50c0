using System.Globalization;
using SutWeb.Notifications.Delivery;
using SutWeb.Tests.Notifications;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Components.Notifications;

/// <summary>The page as the real host serves it: no secret in its markup, and the app bar's link only with a channel.</summary>
public sealed class NotificationsPageMarkupTests
{
    [Fact]
    public async Task NotificationsPage_ChannelsWithSecretsAndAnEchoedToken_MarkupHasNoSecret()
    {
        const string token = "T0SECRET/B0SECRET/xoxTOKENvalue";
        const string signing = "signing-secret-value";
        const string password = "smtp-password-value";
        await using var receiver = await RecordingReceiver.StartAsync();
        // A receiver that echoes the URL it was called on when it refuses, as some do.
        receiver.Script(new ScriptedAnswer(400, Body: $"<b>no route</b> for /services/{token}?key=querytoken123"));
        var settings = DeliveryHost.Channel("hook", "Webhook", receiver.Url($"/services/{token}?key=querytoken123"));
        settings["Notifications:Channels:hook:Secret"] = signing;
        settings["Notifications:Channels:hook:Headers:Authorization"] = "Bearer header-token-value";
        settings["Notifications:Channels:mail:Type"] = "Email";
        settings["Notifications:Channels:mail:Host"] = "smtp.example.com";
        settings["Notifications:Channels:mail:Username"] = "sutweb";
        settings["Notifications:Channels:mail:Password"] = password;
        settings["Notifications:Channels:mail:From"] = "sutweb@example.com";
        settings["Notifications:Channels:mail:To:0"] = "qa@example.com";
        await using var host = await DeliveryHost.StartAsync(settings);
        var notification = DeliveryHost.RunFailed(DateTimeOffset.UtcNow, "hook");
        await host.EnqueueAsync(notification);
        await host.DeliveryAsync(notification.DeliveryId, "hook", d => d.State == DeliveryState.Refused, "is refused (400)");

        var markup = await host.Http.GetStringAsync("notifications");

        Assert.Contains("data-testid=\"deliveries-table\"", markup, StringComparison.Ordinal);
        Assert.Contains("Refused", markup, StringComparison.Ordinal);
        Assert.Contains($"Webhook · {receiver.BaseAddress.Authority}", markup, StringComparison.Ordinal);
        Assert.Contains("Email · smtp.example.com:587", markup, StringComparison.Ordinal);
        // The receiver's words are shown as text, never as markup.
        Assert.DoesNotContain("<b>no route</b>", markup, StringComparison.Ordinal);
        foreach (var secret in new[] { "T0SECRET", "xoxTOKENvalue", "querytoken123", "/services/", signing, password, "header-token-value" })
        {
            Assert.DoesNotContain(secret, markup, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("data-testid=\"nav-notifications\"", markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppBar_NoChannel_HasNoNotificationsLinkAndThePageSaysHowToAddOne()
    {
        await using var host = await DeliveryHost.StartAsync(new Dictionary<string, string?>());

        var desk = await host.Http.GetStringAsync("");
        var page = await host.Http.GetStringAsync("notifications");

        Assert.Contains("data-testid=\"nav-history\"", desk, StringComparison.Ordinal);
        Assert.DoesNotContain("nav-notifications", desk, StringComparison.Ordinal);
        Assert.Contains("No notification channel is configured", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NotificationSettings_AreNotReportedAsUnknownButASlipIs()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        var settings = DeliveryHost.Channel("hook", "Webhook", receiver.Url("/h"));
        settings["Notifications:Channels:hook:Secret"] = "s3cret-value";
        settings["Notifications:Channels:hook:Headers:X-Team"] = "qa";
        settings["Notifications:Channels:hook:Timeot"] = "00:00:05";
        settings["Notifications:Rules:nightly:Events:0"] = "RunFailed";
        settings["Notifications:Rules:nightly:Channels:0"] = "hook";
        settings["Notifications:Rules:nightly:For"] = "00:01:00";
        settings["Notifications:Rules:nightly:RepeatEvery"] = "04:00:00";
        settings["Notifications:Rules:nightly:SendResolved"] = false.ToString(CultureInfo.InvariantCulture);

        await using var host = await DeliveryHost.StartAsync(settings);

        var warning = Assert.Single(host.Logs.Lines, l => l.Contains("Unknown setting", StringComparison.Ordinal));
        Assert.Contains("Unknown setting Notifications:Channels:hook:Timeot", warning, StringComparison.Ordinal);
    }
}
