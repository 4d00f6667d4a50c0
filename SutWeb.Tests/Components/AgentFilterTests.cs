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

    private static readonly AgentView LabMac = Agent("mac-mini-3", AgentState.Failed, port: 5401).From("lab-b", "Lab B");

    private static readonly Dictionary<string, string> TwoLabs = new() { ["default"] = "Lab A", ["lab-b"] = "Lab B" };

    [Theory]
    [InlineData("lab-b", true)]
    [InlineData(" LAB-B , lab-c", true)] // any of them, in any case
    [InlineData("default", false)]
    [InlineData("lab-x", false)] // a source the board does not know matches nothing
    public void Matches_Sources_AnyOfThem(string sources, bool matches) =>
        Assert.Equal(matches, AgentFilter.Parse(null, null, sources).Matches(LabMac));

    [Fact]
    public void Matches_Sources_DefaultSourceByItsId()
    {
        Assert.True(AgentFilter.Parse(null, null, "default").Matches(Mac));
        Assert.False(AgentFilter.Parse(null, null, "lab-b").Matches(Mac));
    }

    [Theory]
    [InlineData("lab b", true)] // the source's name
    [InlineData("LAB-B", true)] // its id
    [InlineData("lab c", false)]
    public void Matches_TextWithSeveralSources_AlsoSearchesTheSource(string text, bool matches) =>
        Assert.Equal(matches, AgentFilter.Parse(text, null).Matches(LabMac, TwoLabs));

    [Fact]
    public void Matches_TextWithSeveralSources_FindsTheDefaultSourceByTheBoardsNameForIt()
    {
        // The source default's agents carry no name of their own: the board's health names it.
        Assert.True(AgentFilter.Parse("lab a", null).Matches(Mac, TwoLabs));
        Assert.False(AgentFilter.Parse("lab b", null).Matches(Mac, TwoLabs));
    }

    [Fact]
    public void Matches_TextWithOneSource_IgnoresTheSource()
    {
        // With one source every agent is "default": a term like "fault" must not match them all.
        Assert.False(AgentFilter.Parse("fault", null).Matches(Mac));
        Assert.False(AgentFilter.Parse("lab b", null).Matches(LabMac));
    }

    [Fact]
    public void Parse_Sources_RoundTripThroughQueryParameters()
    {
        var filter = AgentFilter.Parse("mac", null, " lab-b,,LAB-A, lab-b ");

        Assert.Equal(["lab-a", "lab-b"], filter.Sources);
        Assert.False(filter.IsEverything);
        var parameters = filter.ToQueryParameters().ToDictionary();
        Assert.Equal("lab-a,lab-b", parameters["source"]);
        Assert.Equal(filter, AgentFilter.Parse((string?)parameters["q"], (string?)parameters["state"], (string?)parameters["source"]));
        Assert.NotEqual(filter, AgentFilter.Parse("mac", null));
    }

    [Fact]
    public void Describe_Sources_NamesThem() =>
        Assert.Equal("Failed and source lab-a or lab-b", AgentFilter.Parse(null, "failed", "lab-a,lab-b").Describe());
}
