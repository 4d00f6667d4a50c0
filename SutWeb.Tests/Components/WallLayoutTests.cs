using SutWeb.Components.Wall;

namespace SutWeb.Tests.Components;

public sealed class WallLayoutTests
{
    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 1, 1)]
    [InlineData(2, 2, 1)]
    [InlineData(4, 2, 2)]
    [InlineData(5, 3, 2)]
    [InlineData(14, 5, 3)]
    [InlineData(30, 6, 5)]
    [InlineData(500, 6, 5)]
    public void WallLayout_AutoColumns_GridFitsTheAgentsWithTheLargestTiles(int agents, int columns, int rows) =>
        Assert.Equal(new WallLayout(columns, rows), WallLayout.For(agents, null, 1));

    [Theory]
    [InlineData(14, 2, 7)]
    [InlineData(100, 3, 8)]
    public void WallLayout_PortraitScreen_FewerWiderColumnsMoreRows(int agents, int columns, int rows) =>
        Assert.Equal(new WallLayout(columns, rows), WallLayout.For(agents, null, 1, 9.0 / 16));

    [Fact]
    public void WallLayout_MoreAgentsThanFitLegibly_Pages()
    {
        var layout = WallLayout.For(61, null, 1);

        Assert.Equal(WallLayout.MaxColumns * WallLayout.MaxRows, layout.PerPage);
        Assert.Equal(3, layout.PageCount(61));
    }

    [Theory]
    [InlineData(2.0, 3, 2)]
    [InlineData(0.5, 12, 10)]
    public void WallLayout_Scale_ChangesHowManyTilesFitLegibly(double scale, int columns, int rows) =>
        Assert.Equal(new WallLayout(columns, rows), WallLayout.For(1000, null, scale));

    [Theory]
    [InlineData(10, 4, 4, 3)]
    [InlineData(100, 4, 4, 5)]
    [InlineData(3, 40, 12, 1)]
    public void WallLayout_FixedColumns_RowsFollowTheAgentsUpToTheLegibleLimit(int agents, int asked, int columns, int rows) =>
        Assert.Equal(new WallLayout(columns, rows), WallLayout.For(agents, asked, 1));
}
