using System.Security.Claims;
using Bunit;
using SutWeb.Operators;
using SutWeb.Components.Notifications;
using SutWeb.Components.Pages;
using SutWeb.Notifications;
using SutWeb.Notifications.Channels;
using SutWeb.Notifications.Delivery;

namespace SutWeb.Tests.Components.Notifications;

/// <summary><c>/notifications</c> over a real SQLite history: channels (host only), send test, rules, recent deliveries.</summary>
public sealed class NotificationsPageTests : NotificationsPageTestContext
{
    private const string Token = "T0KENPATH/B0KENPATH/xoxSECRETvalue";

    [Fact]
    public async Task Channels_WithSecretsAndALastResult_ShowHostTypeAndResultInWordsButNoSecret()
    {
        Webhook("ops", $"https://hooks.example.com/services/{Token}?key=querysecret123", secret: "signing-secret-value");
        Options.Channels["mail"] = new ChannelOptions
        {
            Type = ChannelType.Email, Host = "smtp.example.com", Port = 587, Username = "sutweb", Password = "smtp-password-value",
            From = "sutweb@example.com", To = ["qa@example.com"],
        };
        await StoreAsync(Delivery("ops", DeliveryState.Refused, Now.AddMinutes(-2), status: 400, error: "HTTP 400 Bad Request: invalid_payload"));

        var cut = RenderNotifications();

        var ops = cut.Find("[data-testid=channel][data-channel=ops]");
        Assert.Equal("Webhook · hooks.example.com", ops.QuerySelector("[data-field=destination]")!.TextContent.Trim());
        Assert.Equal("Refused", ops.QuerySelector("[data-testid=last-result]")!.GetAttribute("data-state"));
        Assert.Contains("Last: Refused, 2026-11-29 11:58:01 UTC", Words(ops.TextContent), StringComparison.Ordinal);
        Assert.Contains("Run failed: Refused, not retried: HTTP 400 Bad Request: invalid_payload", Words(ops.TextContent), StringComparison.Ordinal);
        var mail = cut.Find("[data-testid=channel][data-channel=mail]");
        Assert.Equal("Email · smtp.example.com:587", mail.QuerySelector("[data-field=destination]")!.TextContent.Trim());
        Assert.Equal("Nothing sent to it yet.", mail.QuerySelector("[data-testid=last-result]")!.TextContent.Trim());
        foreach (var secret in new[] { "T0KENPATH", "xoxSECRETvalue", "querysecret123", "/services/", "signing-secret-value", "smtp-password-value" })
        {
            Assert.DoesNotContain(secret, cut.Markup, StringComparison.Ordinal);
        }
        Assert.Contains("at most one test every 10 s", Words(cut.Find("[data-testid=test-limit]").TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_AsConfigured_AreShownInWords()
    {
        Webhook("ops", "https://hooks.example.com/x");
        Options.Rules["nightly"] = new RuleOptions
        {
            Events = [NotificationEvents.RunFailed, NotificationEvents.AgentDisconnected],
            Sources = ["lab-a"],
            Agents = ["mac-*"],
            Channels = ["ops"],
            For = TimeSpan.FromMinutes(1),
            RepeatEvery = TimeSpan.FromHours(4),
            SendResolved = false,
        };
        Options.Rules["all"] = new RuleOptions { Events = [NotificationEvents.SourceDown], Channels = ["ops"] };

        var cut = RenderNotifications();

        Assert.Equal(["all", "nightly"], cut.FindAll("[data-testid=rule]").Select(r => r.GetAttribute("data-rule")!));
        var nightly = cut.Find("[data-testid=rule][data-rule=nightly]").ParentElement!;
        Assert.Equal("Run failed, Agent disconnected", nightly.QuerySelector("[data-field=events]")!.TextContent.Trim());
        Assert.Equal(["Sources: lab-a", "Agents: mac-*", "Models: every model"], nightly.QuerySelectorAll("[data-field=scope] div").Select(d => d.TextContent.Trim()));
        Assert.Equal("ops", nightly.QuerySelector("[data-field=channels]")!.TextContent.Trim());
        Assert.Equal(["Once it has held for 1 min", "Again every 4 h while it holds", "No resolved message"],
            nightly.QuerySelectorAll("[data-field=timing] div").Select(d => d.TextContent.Trim()));
        var all = cut.Find("[data-testid=rule][data-rule=all]").ParentElement!;
        Assert.Equal(["At once", "Not repeated", "A resolved message when it ends"],
            all.QuerySelectorAll("[data-field=timing] div").Select(d => d.TextContent.Trim()));
    }

    [Fact]
    public async Task RecentDeliveries_EachState_ShowWordAttemptsAnswerAndNextAttempt()
    {
        Webhook("ops", "https://hooks.example.com/x");
        Webhook("team", "https://team.example.com/y");
        await StoreAsync(
            Delivery("ops", DeliveryState.Sent, Now.AddMinutes(-4), status: 200),
            Delivery("team", DeliveryState.Refused, Now.AddMinutes(-3), status: 400, error: "HTTP 400 Bad Request: no such channel"),
            Delivery("ops", DeliveryState.Failed, Now.AddMinutes(-2), attempts: 12, error: "Cannot connect to the receiver (Connection refused)",
                @event: NotificationEvents.SourceDown, agent: null),
            Delivery("ops", DeliveryState.Pending, Now.AddMinutes(-1), attempts: 2, status: 503, error: "HTTP 503 Service Unavailable",
                @event: NotificationEvents.AgentDisconnected, resolved: true));

        var cut = RenderNotifications();

        var rows = Rows(cut);
        Assert.Equal(["Pending", "Failed", "Refused", "Sent"], rows.Select(r => Field(r, "state")));
        var pending = rows[0];
        Assert.Equal("Agent disconnected (resolved)", Field(pending, "event"));
        Assert.Equal("lab-a / lab-1", Field(pending, "where"));
        Assert.Equal("2", Field(pending, "attempts"));
        Assert.Equal("HTTP 503 Service Unavailable", Field(pending, "answer"));
        Assert.Equal("12:01:00 UTC", Field(pending, "next"));
        Assert.Equal("lab-a", Field(rows[1], "where"));
        Assert.Equal("Cannot connect to the receiver (Connection refused)", Field(rows[1], "answer"));
        Assert.Equal("", Field(rows[1], "next"));
        Assert.Equal("HTTP 200", Field(rows[3], "answer"));
        Assert.EndsWith("Agent disconnected (resolved): Not delivered yet, will retry: HTTP 503 Service Unavailable; next attempt 12:01:00 UTC",
            Words(cut.Find("[data-channel=ops] [data-field=last-answer]").TextContent), StringComparison.Ordinal);
        // A word and an icon for every state, not a colour alone.
        Assert.All(rows, r => Assert.NotNull(r.QuerySelector("[data-field=state] svg")));
    }

    [Fact]
    public async Task RecentDeliveries_FilteredByStateAndChannel_ShowOnlyThose()
    {
        Webhook("ops", "https://hooks.example.com/x");
        Webhook("team", "https://team.example.com/y");
        await StoreAsync(
            Delivery("ops", DeliveryState.Sent, Now.AddMinutes(-4), status: 200),
            Delivery("team", DeliveryState.Refused, Now.AddMinutes(-3), status: 400),
            Delivery("ops", DeliveryState.Refused, Now.AddMinutes(-2), status: 404));
        var cut = RenderNotifications();
        Assert.Equal(3, Rows(cut).Count);

        cut.Find("[data-testid=filter-state] [data-state=Refused]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["ops", "team"], Rows(cut).Select(r => Field(r, "channel"))), Patience);

        cut.Find("[data-testid=filter-channel] [data-channel=team]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["team"], Rows(cut).Select(r => Field(r, "channel"))), Patience);
    }

    [Fact]
    public async Task RecentDeliveries_NewOneStored_ShowsUpOnTheNextRefresh()
    {
        Webhook("ops", "https://hooks.example.com/x");
        var cut = RenderNotifications();
        Assert.Equal("Nothing sent yet.", cut.Find("[data-testid=no-deliveries]").TextContent.Trim());

        await StoreAsync(Delivery("ops", DeliveryState.Sent, Now, status: 200));
        Clock.Advance(NotificationsPage.RefreshEvery);

        cut.WaitForAssertion(() => Assert.Equal(["Sent"], Rows(cut).Select(r => Field(r, "state"))), Patience);
        cut.WaitForAssertion(() => Assert.Equal("Sent", cut.Find("[data-channel=ops] [data-testid=last-result]").GetAttribute("data-state")), Patience);
    }

    [Fact]
    public async Task SendTest_Clicked_QueuesOneTestAndShowsItsResultThenWaitsTheLimit()
    {
        Webhook("ops", "https://hooks.example.com/x");
        var cut = RenderNotifications();
        var button = () => cut.Find("[data-channel=ops] [data-testid=send-test]");

        button().Click();

        Assert.True(Outbox.Queued.TryRead(out var test));
        Assert.Equal(ChannelTest.Event, test!.Event);
        Assert.Equal(["ops"], test.Channels);
        cut.WaitForAssertion(() => Assert.True(button().HasAttribute("disabled")), Patience);
        Assert.Equal("Sending a test message…", cut.Find("[data-testid=test-result]").TextContent.Trim());

        // The channel's worker sends it: the receiver answers 200.
        await StoreAsync(Delivery("ops", DeliveryState.Sent, Clock.GetUtcNow(), status: 200, @event: ChannelTest.Event, agent: null, id: test.DeliveryId));
        Clock.Advance(NotificationsPage.FollowEvery);

        cut.WaitForAssertion(() => Assert.Equal("Test: Sent (HTTP 200)", cut.Find("[data-testid=test-result]").TextContent.Trim()), Patience);
        Assert.True(button().HasAttribute("disabled"), "a second test within 10 s is refused");

        Clock.Advance(ChannelTestLimiter.Interval);

        cut.WaitForAssertion(() => Assert.False(button().HasAttribute("disabled")), Patience);
        Assert.False(Outbox.Queued.TryRead(out _));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SendTest_WithOperatorSignIn_OnlyAnOperatorMaySend(bool isOperator)
    {
        (Oidc.Authority, Oidc.ClientId, Oidc.OperatorClaimType, Oidc.OperatorClaimValue) = ("https://login.example.com/", "sutweb", "roles", "sutweb-operator");
        User = new ClaimsPrincipal(new ClaimsIdentity(
            isOperator ? [new Claim(OperatorClaims.Who, "Dana"), new Claim(OperatorClaims.Operator, "true")] : [new Claim(OperatorClaims.Who, "Dana")], "test"));
        Webhook("ops", "https://hooks.example.com/x");
        var cut = RenderNotifications();
        var button = cut.Find("[data-channel=ops] [data-testid=send-test]");

        Assert.Equal(!isOperator, button.HasAttribute("disabled"));
        Assert.Equal(!isOperator, cut.FindAll("[data-channel=ops] [data-testid=test-operators-only]").Count == 1);
        if (isOperator)
        {
            button.Click();
            Assert.True(Outbox.Queued.TryRead(out var test));
            Assert.Equal(ChannelTest.Event, test!.Event);
        }
        else
        {
            Assert.Contains("Sign in as an operator to send a test.", cut.Find("[data-channel=ops]").TextContent, StringComparison.Ordinal);
            Assert.False(Outbox.Queued.TryRead(out _));
        }
    }

    [Fact]
    public void SendTest_TwoPagesAtOnce_OnlyOneTestGoesOut()
    {
        Webhook("ops", "https://hooks.example.com/x");
        var first = RenderNotifications();
        var second = Render<NotificationsPage>();

        first.Find("[data-channel=ops] [data-testid=send-test]").Click();
        second.Find("[data-channel=ops] [data-testid=send-test]").Click();

        Assert.True(Outbox.Queued.TryRead(out _));
        Assert.False(Outbox.Queued.TryRead(out _));
        Assert.Contains("try again in", second.Find("[data-testid=test-result]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendTest_ChannelBusyWithOlderDeliveries_StopsFollowingAndSaysWhereTheResultWillBe()
    {
        Webhook("ops", "https://hooks.example.com/x");
        var cut = RenderNotifications();

        cut.Find("[data-channel=ops] [data-testid=send-test]").Click();
        for (var waited = TimeSpan.Zero; waited <= ChannelCard.FollowFor; waited += NotificationsPage.FollowEvery)
        {
            Clock.Advance(NotificationsPage.FollowEvery);
            await Task.Yield();
        }

        cut.WaitForAssertion(() => Assert.Contains("Its result will show under Recent deliveries", cut.Find("[data-testid=test-result]").TextContent, StringComparison.Ordinal), Patience);
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-channel=ops] [data-testid=send-test]").HasAttribute("disabled")), Patience);
    }

    [Fact]
    public void NoChannels_SaysHowToConfigureOneAndShowsNoDeliveries()
    {
        var cut = RenderNotifications();

        Assert.Contains("No notification channel is configured", cut.Find("[data-testid=no-channels]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Notifications__Channels__ops__Type=Webhook", cut.Find("[data-testid=no-channels-example]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=channel]"));
        Assert.Empty(cut.FindAll("[data-testid=deliveries-table]"));
    }
}
