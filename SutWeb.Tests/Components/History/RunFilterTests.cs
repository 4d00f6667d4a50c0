using SutWeb.Components.History;
using SutWeb.History;

namespace SutWeb.Tests.Components.History;

/// <summary>The history pages' filter and the URL: the API's parameter names, so a link and the CSV agree.</summary>
public sealed class RunFilterTests
{
    [Fact]
    public void Parse_EveryParameter_ReadsThemAndWritesThemBackTheSame()
    {
        const string query = "source=lab-b&agent=mac%2001&model=Login&outcome=Failed,Lost&from=2026-11-01T00:00:00Z&to=2026-11-02T12:30:00Z";

        var filter = RunFilter.Parse("http://localhost/history?" + query + "#top");

        Assert.Equal("mac 01", filter.Agent);
        Assert.Equal(["Failed", "Lost"], filter.Outcomes);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 12, 30, 0, TimeSpan.Zero), filter.To);
        Assert.Equal(query, filter.ToQueryString());
        Assert.Equal("api/history/runs.csv?" + query, HistoryLinks.Csv(filter));
    }

    [Fact]
    public void Parse_TimeThatIsNoTime_IsLeftOut()
    {
        var filter = RunFilter.Parse("/history?from=yesterday&model=Login");

        Assert.Null(filter.From);
        Assert.Equal("model=Login", filter.ToQueryString());
    }

    [Fact]
    public void Parse_NoQuery_IsEverythingAndLinksWithoutOne()
    {
        var filter = RunFilter.Parse("http://localhost/history");

        Assert.True(filter.IsEverything);
        Assert.Equal("history", HistoryLinks.History(filter));
        Assert.Equal(RunFilter.Empty, filter);
    }

    [Fact]
    public void Run_LinksToItsAgentsPageAtItsAnchor()
    {
        Assert.Equal("agents/lab%20b/mac%2F1#run-1234", HistoryLinks.Run("lab b", "mac/1", "1234"));
    }

    [Fact]
    public void CursorPages_PagedOnAndBack_EachPageStartsWhereTheLastEnded()
    {
        var pages = new CursorPages();
        var first = new HistoryCursor(DateTimeOffset.UnixEpoch.AddDays(2), 10);
        var second = new HistoryCursor(DateTimeOffset.UnixEpoch.AddDays(1), 5);

        pages.Loaded(0, first);
        pages.Loaded(1, second);
        pages.Loaded(2, null);

        Assert.Equal((0, (HistoryCursor?)null), pages.Start(0));
        Assert.Equal((2, (HistoryCursor?)second), pages.Start(2));
        Assert.Equal((2, (HistoryCursor?)second), pages.Start(7)); // Never further than a page known.
        Assert.True(pages.HasOlder(1));
        Assert.False(pages.HasOlder(2));
    }
}
