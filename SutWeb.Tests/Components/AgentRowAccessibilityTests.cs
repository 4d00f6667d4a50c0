using Bunit;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>A screen reader hears which agent a row's expander opens, whether it is open, and what it opened.</summary>
public sealed class AgentRowAccessibilityTests : DashboardTestContext
{
    [Fact]
    public void AgentRow_Closed_ExpanderNamesItsAgentAndSaysClosed()
    {
        Publish(Agent("checkout-07", AgentState.Failed));
        var cut = RenderHome();

        var expander = Row(cut, "checkout-07:5400").QuerySelector("[data-testid=expand]")!;

        Assert.Equal("BUTTON", expander.TagName);
        Assert.Equal("button", expander.GetAttribute("type"));
        Assert.Equal("Show details of checkout-07", expander.GetAttribute("aria-label"));
        Assert.Equal("false", expander.GetAttribute("aria-expanded"));
        Assert.Null(expander.GetAttribute("aria-controls"));
    }

    [Fact]
    public void AgentRow_Opened_ExpanderSaysOpenAndPointsAtTheNamedDetailsRegion()
    {
        Publish(Agent("checkout 07", AgentState.Failed), Agent("other", AgentState.Passed, port: 5401));
        var cut = RenderHome();

        Row(cut, "checkout 07:5400").QuerySelector("[data-testid=expand]")!.Click();

        cut.WaitForAssertion(() =>
        {
            var expander = Row(cut, "checkout 07:5400").QuerySelector("[data-testid=expand]")!;
            Assert.Equal("Hide details of checkout 07", expander.GetAttribute("aria-label"));
            Assert.Equal("true", expander.GetAttribute("aria-expanded"));
            var controls = expander.GetAttribute("aria-controls");
            Assert.NotNull(controls);
            Assert.DoesNotContain(' ', controls);
            var region = cut.Find($"[id=\"{controls}\"]");
            Assert.Equal("region", region.GetAttribute("role"));
            Assert.Equal("Details of checkout 07", region.GetAttribute("aria-label"));
            Assert.Equal("checkout 07:5400", region.GetAttribute("data-details-for"));
        }, Patience);
    }
}
