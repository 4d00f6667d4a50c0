using SutWeb.Components.Agents;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Components;

/// <summary>The view's query as it lives in the URL: parsed leniently, written canonically.</summary>
public sealed class AgentQueryTests
{
    [Fact]
    public void Parse_EveryValue_RoundTripsThroughQueryParameters()
    {
        var query = AgentQuery.Parse(" login ", "Failed, running,failed", "PORT", "1");

        Assert.Equal("login", query.Filter.Text);
        Assert.Equal([AgentState.Running, AgentState.Failed], query.Filter.States);
        Assert.Equal(AgentSortColumn.Port, query.Sort);
        Assert.True(query.Descending);
        var parameters = query.ToQueryParameters();
        Assert.Equal("login", parameters["q"]);
        Assert.Equal("running,failed", parameters["state"]);
        Assert.Equal("port", parameters["sort"]);
        Assert.Equal("1", parameters["desc"]);
        var again = AgentQuery.Parse(
            (string?)parameters["q"], (string?)parameters["state"], (string?)parameters["sort"], (string?)parameters["desc"]);
        Assert.Equal(query.ToQueryParameters(), again.ToQueryParameters());
    }

    [Fact]
    public void Parse_NothingOrNonsense_IsTheDefaultView()
    {
        var query = AgentQuery.Parse(null, "bogus,,3", "colour", "yes please");

        Assert.True(query.IsEverything);
        Assert.All(query.ToQueryParameters().Values, Assert.Null);
    }

    [Fact]
    public void SortedBy_SameColumnThreeTimes_AscendingDescendingDefault()
    {
        var ascending = AgentQuery.Everything.SortedBy(AgentSortColumn.Model);
        var descending = ascending.SortedBy(AgentSortColumn.Model);
        var back = descending.SortedBy(AgentSortColumn.Model);
        var other = descending.SortedBy(AgentSortColumn.User);

        Assert.Equal((AgentSortColumn.Model, false), (ascending.Sort, ascending.Descending));
        Assert.Equal((AgentSortColumn.Model, true), (descending.Sort, descending.Descending));
        Assert.Equal((AgentSortColumn.Default, false), (back.Sort, back.Descending));
        Assert.Equal((AgentSortColumn.User, false), (other.Sort, other.Descending));
    }

    [Fact]
    public void SortName_EveryColumn_HasAUrlNameThatParsesBack()
    {
        foreach (var column in Enum.GetValues<AgentSortColumn>().Where(c => c != AgentSortColumn.Default))
        {
            var name = AgentQuery.SortName(column);
            Assert.NotNull(name);
            Assert.Equal(column, AgentQuery.Parse(null, null, name, null).Sort);
        }
    }

    [Fact]
    public void Parse_SourcesAndGroup_RoundTripThroughQueryParameters()
    {
        var query = AgentQuery.Parse(null, null, null, null, "lab-b", " Source ");

        Assert.Equal(["lab-b"], query.Filter.Sources);
        Assert.True(query.GroupBySource);
        Assert.False(query.IsEverything);
        var parameters = query.ToQueryParameters();
        Assert.Equal("lab-b", parameters["source"]);
        Assert.Equal("source", parameters["group"]);
        Assert.False(AgentQuery.Parse(null, null, null, null, null, "model").GroupBySource);
        Assert.Null(query.WithGroupBySource(false).WithSources([]).ToQueryParameters()["group"]);
    }
}
