using Bunit;
using SutWeb.Components.Agents;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>The desk's polite live region tells a screen reader when an agent newly fails, and only then.</summary>
public sealed class FailureAnnouncerTests : DashboardTestContext
{
    private static string Announcement(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut) =>
        cut.Find("[data-testid=failure-announcement]").TextContent.Trim();

    [Fact]
    public void Desk_LiveRegion_IsPoliteAndPresentBeforeAnyFailure()
    {
        Publish(Agent("a", AgentState.Running));
        var cut = RenderHome();

        var region = cut.Find("[data-testid=failure-announcement]");

        Assert.Equal("polite", region.GetAttribute("aria-live"));
        Assert.Equal("status", region.GetAttribute("role"));
        Assert.Equal("", region.TextContent.Trim());
    }

    [Fact]
    public void Desk_AgentAlreadyFailedOnOpening_IsNotAnnounced()
    {
        Publish(Agent("a", AgentState.Failed));

        var cut = RenderHome();

        Assert.Equal("", Announcement(cut));
    }

    [Fact]
    public void Desk_AgentEntersFailed_IsAnnouncedByName()
    {
        Publish(Agent("checkout-07", AgentState.Running), Agent("other", AgentState.Running, port: 5401));
        var cut = RenderHome();

        Publish(Agent("checkout-07", AgentState.Failed), Agent("other", AgentState.Running, port: 5401));

        cut.WaitForAssertion(() => Assert.Equal("Agent checkout-07 failed.", Announcement(cut)), Patience);
    }

    [Fact]
    public void Desk_FailuresInQuickSuccession_AreOneAnnouncementAfterTheQuietPeriod()
    {
        Publish(Agent("a", AgentState.Running), Agent("b", AgentState.Running, port: 5401), Agent("c", AgentState.Running, port: 5402));
        var cut = RenderHome();
        Publish(Agent("a", AgentState.Failed), Agent("b", AgentState.Running, port: 5401), Agent("c", AgentState.Running, port: 5402));
        cut.WaitForAssertion(() => Assert.Equal("Agent a failed.", Announcement(cut)), Patience);

        Publish(Agent("a", AgentState.Failed), Agent("b", AgentState.Failed, port: 5401), Agent("c", AgentState.Running, port: 5402));
        Clock.Advance(TimeSpan.FromSeconds(1));
        Publish(Agent("a", AgentState.Failed), Agent("b", AgentState.Failed, port: 5401), Agent("c", AgentState.Failed, port: 5402));
        // Both later failures wait for the quiet period, then come as one sentence.
        cut.WaitForAssertion(() => Assert.Equal("Agent a failed.", Announcement(cut)), Patience);
        Clock.Advance(FailureAnnouncements.QuietPeriod);

        cut.WaitForAssertion(() => Assert.Equal("2 agents failed: b and c.", Announcement(cut)), Patience);
    }
}
