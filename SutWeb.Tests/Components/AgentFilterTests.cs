using SutWeb.Components.Listing;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>The one filter language of the desk and the wall, as plain logic.</summary>
public sealed class AgentFilterTests
{
    private static readonly AgentView Mac = Agent("mac-mini-3", AgentState.Failed, port: 5401, model: "LoginFlow", user: "priya.shah@example.com");

    [Theory]
    [InlineData("", true)]
    [InlineData("MAC", true)] // name, in any case
    [InlineData(":5401", true)] // key
    [InlineData("loginflow", true)] // model
    [InlineData("priya", true)] // user
    [InlineData("win", false)]
    [InlineData("win, login", true)] // any term
    [InlineData("win,,linux", false)]
    [InlineData("failed", false)] // text is never a state
    public void Matches_Text_AnyTermInNameKeyModelOrUser(string text, bool matches) =>
        Assert.Equal(matches, AgentFilter.Parse(text, null).Matches(Mac));

    [Theory]
    [InlineData("failed", true)]
    [InlineData("running,FAILED", true)]
    [InlineData("running", false)]
    [InlineData("bogus", true)] // an unknown state is ignored, which leaves no state filter
    public void Matches_States_AnyOfThem(string states, bool matches) =>
        Assert.Equal(matches, AgentFilter.Parse(null, states).Matches(Mac));

    [Theory]
    [InlineData("mac", "failed", true)]
    [InlineData("mac", "running", false)]
    [InlineData("win", "failed", false)]
    public void Matches_TextAndStates_BothMustHold(string text, string states, bool matches) =>
        Assert.Equal(matches, AgentFilter.Parse(text, states).Matches(Mac));

    [Fact]
    public void Parse_EveryValue_RoundTripsThroughQueryParameters()
    {
        var filter = AgentFilter.Parse(" mac, win ", "Failed, running,failed,3,,nope");

        Assert.Equal("mac, win", filter.Text);
        Assert.Equal(["mac", "win"], filter.Terms);
        Assert.Equal([AgentState.Running, AgentState.Failed], filter.States);
        var parameters = filter.ToQueryParameters().ToDictionary();
        Assert.Equal("mac, win", parameters["q"]);
        Assert.Equal("running,failed", parameters["state"]);
        Assert.Equal(filter, AgentFilter.Parse((string?)parameters["q"], (string?)parameters["state"]));
    }

    [Fact]
    public void Parse_Nothing_IsEverythingWithNoQueryValues()
    {
        var filter = AgentFilter.Parse(" , ", null);

        Assert.True(filter.IsEverything);
        Assert.All(filter.ToQueryParameters(), p => Assert.Null(p.Value));
    }

    [Fact]
    public void Describe_StatesAndTerms_InWords()
    {
        Assert.Equal("Running or Failed and “lab” or “nightly”", AgentFilter.Parse("lab,nightly", "running,failed").Describe());
        Assert.Equal("“lab”", AgentFilter.Parse("lab", null).Describe());
    }
}
