using SutWeb.Notifications;
using SutWeb.Notifications.Rules;
using static SutWeb.Tests.Notifications.Rules.RuleAgents;

namespace SutWeb.Tests.Notifications.Rules;

/// <summary>Which agents and sources a rule's patterns let through.</summary>
public sealed class CompiledRuleTests
{
    private static readonly CompiledRule Rule = new("r", new RuleOptions
    {
        Events = ["runfailed", "RunFailed", "SourceDown"],
        Channels = ["ops", "ops"],
        Agents = ["LAB-*", "nightly-?"],
        Models = ["Check*"],
        Sources = ["default", "b*"],
    });

    [Theory]
    [InlineData("lab-1", "Checkout", "default", true)]
    [InlineData("nightly-7", "Checkout", "default", true)]
    [InlineData("nightly-10", "Checkout", "default", false)]
    [InlineData("lab-2", "Login", "default", false)]
    [InlineData("lab-3", "checkout-eu", "b-lab", true)]
    [InlineData("lab-4", "Checkout", "other", false)]
    [InlineData("desk-1", "Checkout", "default", false)]
    public void Matches_AgentModelAndSourcePatterns_AllMustMatch(string agent, string model, string source, bool matches) =>
        Assert.Equal(matches, Rule.Matches(WithRun(agent, "e", "Running", RuleBoard.Start, model, source)));

    [Fact]
    public void Matches_AgentWithoutRun_PassedByWhenModelsAreSet() =>
        Assert.False(Rule.Matches(Idle("lab-1")));

    [Fact]
    public void MatchesSource_SourceEvents_OnlySourcesCount()
    {
        Assert.True(Rule.MatchesSource("b-lab"));
        Assert.False(Rule.MatchesSource("other"));
    }

    [Fact]
    public void Settings_RepeatedOrOddlyCased_EachOnceInCanonicalSpelling()
    {
        Assert.True(Rule.Lists(NotificationEvents.RunFailed));
        Assert.Equal(["ops"], Rule.Channels);
    }
}
