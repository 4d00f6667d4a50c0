using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Notifications.Channels;
using SutWeb.Notifications.Delivery;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Notifications;

/// <summary>Webhook URLs' tokens, signing secrets and SMTP passwords never reach a log line or what the page reads.</summary>
public sealed class DeliverySecretsTests
{
    [Fact]
    public async Task Secrets_ThroughFailuresAndSuccesses_NeverLoggedOrShown()
    {
        const string token = "T0SECRET/B0SECRET/xoxTOKENvalue";
        const string signing = "signing-secret-value";
        const string password = "smtp-password-value";
        await using var receiver = await RecordingReceiver.StartAsync();
        // A receiver that echoes the URL it was called on in its error, as some do.
        receiver.Script(new ScriptedAnswer(500, Body: $"no route for /services/{token}"));
        await using var smtp = SmtpReceiver.Start("sutweb", "the-right-password");
        var settings = DeliveryHost.Channel("hook", "Webhook", receiver.Url($"/services/{token}?key=querytoken123"));
        settings["Notifications:Channels:hook:Secret"] = signing;
        settings["Notifications:Channels:mail:Type"] = "Email";
        settings["Notifications:Channels:mail:Host"] = "127.0.0.1";
        settings["Notifications:Channels:mail:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Notifications:Channels:mail:Username"] = "sutweb";
        settings["Notifications:Channels:mail:Password"] = password;
        settings["Notifications:Channels:mail:From"] = "sutweb@example.com";
        settings["Notifications:Channels:mail:To:0"] = "qa@example.com";
        await using var host = await DeliveryHost.StartAsync(settings,
            services: s => s.AddSingleton(new SmtpCertificateValidation { Callback = smtp.TrustItsCertificate }));
        var notification = DeliveryHost.RunFailed(DateTimeOffset.UtcNow, "hook", "mail");

        await host.EnqueueAsync(notification);
        var hook = await host.DeliveryAsync(notification.DeliveryId, "hook", d => d.State == DeliveryState.Sent, "is sent after a 500", TimeSpan.FromSeconds(60));
        var mail = await host.DeliveryAsync(notification.DeliveryId, "mail", d => d.State == DeliveryState.Refused, "is refused (wrong password)");
        var shown = string.Join('\n', (await host.Deliveries().RecentAsync(100)).Select(d => d.ToString()))
            + string.Join('\n', host.Deliveries().Channels.Select(c => c.ToString()));

        Assert.Equal(2, hook.Attempts);
        Assert.Contains("sign-in", mail.LastError);
        var logs = host.Logs.AllText;
        foreach (var secret in new[] { "T0SECRET", "xoxTOKENvalue", "querytoken123", signing, password })
        {
            Assert.DoesNotContain(secret, logs);
            Assert.DoesNotContain(secret, shown);
        }
        Assert.Contains($"({receiver.BaseAddress.Authority})", logs);
        Assert.Matches(new Regex(@"Notification \S+ \(RunFailed\) to channel hook \(127\.0\.0\.1:\d+\) failed: HTTP 500"), logs);
    }

    [Fact]
    public async Task HistoryNone_WithChannels_StartUpLogSaysARestartLosesPendingOnes()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        await using var host = await DeliveryHost.StartAsync(DeliveryHost.Channel("hook", "Webhook", receiver.Url("/h")));

        await Eventually.UntilAsync(() => host.Logs.Lines.Any(l => l.Contains("History:Provider is None", StringComparison.Ordinal)), "the start-up warning");

        var line = host.Logs.Lines.First(l => l.Contains("History:Provider is None", StringComparison.Ordinal));
        Assert.StartsWith("Warning", line);
        Assert.Contains("a restart loses the notifications not yet delivered", line);
        Assert.False(host.Deliveries().Durable);
    }

    [Fact]
    public async Task NoChannels_NothingLoggedAboutNotifications()
    {
        await using var host = await DeliveryHost.StartAsync(new Dictionary<string, string?>());

        Assert.Empty(host.Deliveries().Channels);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("Notifications", StringComparison.Ordinal) && l.Contains("Delivery", StringComparison.Ordinal));
    }
}
