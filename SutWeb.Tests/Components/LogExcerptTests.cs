using SutWeb.Components.Agents;

namespace SutWeb.Tests.Components;

/// <summary>Which part of a last log the details show, without a renderer.</summary>
public sealed class LogExcerptTests
{
    [Theory]
    [InlineData(null, false, 1, 0, "")]
    [InlineData("one\ntwo\nthree", false, 3, 0, "one\ntwo\nthree")]
    [InlineData("one\ntwo\nthree\nfour\nfive", false, 5, 2, "three\nfour\nfive")]
    [InlineData("one\ntwo\nthree\nfour\nfive", true, 5, 0, "one\ntwo\nthree\nfour\nfive")]
    [InlineData("one\r\ntwo\r\nthree\r\nfour\r\n", false, 5, 2, "three\r\nfour\r\n")]
    public void Of_LogOfSomeLines_ShowsTheLastOnesUnlessAllAreAskedFor(string? log, bool showAll, int lines, int hidden, string shown)
    {
        var excerpt = LogExcerpt.Of(log, showAll, collapsedLines: 3);

        Assert.Equal(new LogExcerpt(lines, hidden, shown), excerpt);
    }
}
