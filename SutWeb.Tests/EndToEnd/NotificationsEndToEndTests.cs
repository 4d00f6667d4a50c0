using SutWeb.Notifications.Delivery;
using SutWeb.Tests.Notifications;
using SutWeb.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SutWeb.Tests.EndToEnd;

/// <summary><c>/notifications</c> in a real browser, over a real SutWeb whose webhook channel posts to a recording receiver on loopback.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationsEndToEndTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task SendTest_Clicked_TheReceiverGetsItAndThePageSaysSent()
    {
        var chromium = browser.Require();
        await using var receiver = await RecordingReceiver.StartAsync();
        await using var host = await DeliveryHost.StartAsync(DeliveryHost.Channel("ops", "Webhook", receiver.Url("/hooks/T0KEN-in-the-path")));
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900);

        await session.Page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await session.WaitForCircuitAsync();
        await session.Page.GetByTestId("nav-notifications").ClickAsync();
        await Expect(session.Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Notifications", Level = 1 })).ToBeVisibleAsync();
        var channel = session.Page.Locator("[data-testid=channel][data-channel=ops]");
        await Expect(channel.Locator("[data-field=destination]")).ToHaveTextAsync($"Webhook · {receiver.BaseAddress.Authority}");
        await BrowserSession.ClickUntilAsync(channel.GetByTestId("send-test"), channel.GetByTestId("test-result"));

        await Expect(channel.GetByTestId("test-result")).ToHaveTextAsync("Test: Sent (HTTP 200)");
        await Expect(channel.GetByTestId("last-result")).ToHaveAttributeAsync("data-state", "Sent");
        var row = session.Page.Locator("[data-testid=delivery][data-state=Sent]");
        await Expect(row).ToHaveCountAsync(1);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/hooks/T0KEN-in-the-path", request.PathAndQuery);
        Assert.Equal("Test", request.Json["event"]!.GetValue<string>());
        Assert.Equal(await row.GetAttributeAsync("data-delivery-id"), request.Header("X-SutWeb-Delivery"));
        Assert.DoesNotContain("T0KEN", await session.Page.ContentAsync(), StringComparison.Ordinal);
        // At most one test per channel every 10 s: the button stays off.
        await Expect(channel.GetByTestId("send-test")).ToBeDisabledAsync();
        await session.ScreenshotAsync("notifications-test-sent");
    }

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task NotificationsPage_DeliveriesInEveryStateAndNoChannels_HaveNoWcagViolations(string theme)
    {
        var chromium = browser.Require();
        AxeScript.Require();
        await using var receiver = await RecordingReceiver.StartAsync();
        await using var host = await StartWithDeliveriesAsync(receiver);
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900, bypassCsp: true);
        await session.UseThemeAsync(host.BaseAddress, theme);

        await session.Page.GotoAsync(new Uri(host.BaseAddress, "notifications").ToString());
        await session.WaitForCircuitAsync();
        foreach (var state in new[] { "Sent", "Refused", "Pending" })
        {
            await Expect(session.Page.Locator($"[data-testid=delivery][data-state={state}]").First).ToBeVisibleAsync();
        }
        await Expect(session.Page.GetByTestId("deliveries-in-memory")).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("rule")).ToHaveCountAsync(1);
        var ops = session.Page.Locator("[data-testid=channel][data-channel=ops]");
        await BrowserSession.ClickUntilAsync(ops.GetByTestId("send-test"), ops.GetByTestId("test-result"));
        await Expect(ops.GetByTestId("test-result")).ToHaveTextAsync("Test: Sent (HTTP 200)");
        await session.Page.Locator("[data-testid=filter-state] [data-state=Refused]").ClickAsync();
        await Expect(session.Page.Locator("[data-testid=delivery]")).ToHaveCountAsync(1);

        await AxeAudit.AssertNoViolationsAsync(session.Page, $"/notifications ({theme})");
        await session.ScreenshotAsync($"a11y-notifications-{theme}");

        await using var bare = await DeliveryHost.StartAsync(new Dictionary<string, string?>());
        await session.UseThemeAsync(bare.BaseAddress, theme);
        await session.Page.GotoAsync(new Uri(bare.BaseAddress, "notifications").ToString());
        await session.WaitForCircuitAsync();
        await Expect(session.Page.GetByTestId("no-channels")).ToBeVisibleAsync();

        await AxeAudit.AssertNoViolationsAsync(session.Page, $"/notifications with no channel ({theme})");
    }

    [SkippableFact]
    public async Task NotificationsPage_OnAPhone_HasNothingToScrollSideways()
    {
        var chromium = browser.Require();
        await using var receiver = await RecordingReceiver.StartAsync();
        await using var host = await StartWithDeliveriesAsync(receiver);
        await using var session = await BrowserSession.OpenAsync(chromium, output, 390, 844);

        await session.Page.GotoAsync(new Uri(host.BaseAddress, "notifications").ToString());
        await session.WaitForCircuitAsync();
        await Expect(session.Page.Locator("[data-testid=delivery][data-state=Refused]").First).ToBeVisibleAsync();

        Assert.True(await FitsTheWidthAsync(session.Page), "/notifications scrolls sideways on a phone");
        await session.ScreenshotAsync("phone-notifications");

        await using var bare = await DeliveryHost.StartAsync(new Dictionary<string, string?>());
        await session.Page.GotoAsync(new Uri(bare.BaseAddress, "notifications").ToString());
        await session.WaitForCircuitAsync();
        await Expect(session.Page.GetByTestId("no-channels")).ToBeVisibleAsync();

        Assert.True(await FitsTheWidthAsync(session.Page), "/notifications without channels scrolls sideways on a phone");
    }

    private static Task<bool> FitsTheWidthAsync(Microsoft.Playwright.IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    /// <summary>
    /// A host with two webhook channels and a rule, whose deliveries are Sent and Refused (channel ops, a receiver that
    /// refuses the first) and Pending (channel down, where nothing listens), in memory (<c>History:Provider=None</c>).
    /// </summary>
    private static async Task<SutWebHost> StartWithDeliveriesAsync(RecordingReceiver receiver)
    {
        receiver.Script(new ScriptedAnswer(400, Body: "unknown channel"));
        var settings = DeliveryHost.Channel("ops", "Webhook", receiver.Url("/hooks/ops"));
        foreach (var (key, value) in DeliveryHost.Channel("down", "Webhook", $"http://127.0.0.1:{SutWebHost.FreePort()}/hooks/down"))
        {
            settings[key] = value;
        }
        settings["Notifications:Rules:nightly:Events:0"] = "RunFailed";
        settings["Notifications:Rules:nightly:Channels:0"] = "ops";
        settings["Notifications:Rules:nightly:For"] = "00:01:00";
        var host = await DeliveryHost.StartAsync(settings);
        try
        {
            var refused = DeliveryHost.RunFailed(DateTimeOffset.UtcNow, "ops", "down");
            await host.EnqueueAsync(refused);
            await host.DeliveryAsync(refused.DeliveryId, "ops", d => d.State == DeliveryState.Refused, "is refused (400)");
            var sent = DeliveryHost.SourceDown(DateTimeOffset.UtcNow, 3, "ops");
            await host.EnqueueAsync(sent);
            await host.DeliveryAsync(sent.DeliveryId, "ops", d => d.State == DeliveryState.Sent, "is sent");
            await host.DeliveryAsync(refused.DeliveryId, "down", d => d.Attempts > 0, "has been tried");
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }
}
