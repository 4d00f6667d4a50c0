using System.Globalization;

namespace SutWeb.Components.Wall;

/// <summary>
/// How many tiles one page of the wall shows, as columns and rows of a grid that fills the screen. Text in a tile
/// scales with the tile, so the smallest legible tile sets the most tiles a page may hold: at scale 1 a tile is at
/// least <see cref="MinTileWidth"/> by <see cref="MinTileHeight"/> of the screen's short side, which on a 16:9 screen
/// is <see cref="MaxColumns"/> by <see cref="MaxRows"/> tiles (about 310 by 190 pixels at 1080p, with a name about
/// 28 pixels high). More agents than that page rather than shrink.
/// </summary>
public sealed record WallLayout(int Columns, int Rows)
{
    public const double Landscape = 16.0 / 9;
    public const int MaxColumns = 6;
    public const int MaxRows = 5;

    /// <summary>The grid's limits whatever the scale.</summary>
    public const int MaxColumnsAtAnyScale = 12;
    public const int MaxRowsAtAnyScale = 10;

    // The grid's share of the screen's height once the header and footer are drawn, and the shape a tile's text fits best.
    private const double GridShareOfHeight = 0.89;
    private const double TileAspect = 1.6;
    private const double MinTileWidth = Landscape / MaxColumns;
    private const double MinTileHeight = GridShareOfHeight / MaxRows;
    private const double Epsilon = 1e-9;
    private const double NearlyAsLarge = 0.02;

    public int PerPage => Columns * Rows;

    /// <summary>The grid's style: its counts, for wall.css to lay the tiles out by (this record is their one source).</summary>
    public string Style => string.Create(CultureInfo.InvariantCulture, $"--wall-columns: {Columns}; --wall-rows: {Rows}");

    public int PageCount(int agents) => Math.Max(1, (agents + PerPage - 1) / PerPage);

    /// <param name="agents">How many agents the wall shows.</param>
    /// <param name="columns">The URL's <c>cols</c>; null for auto.</param>
    /// <param name="scale">The URL's <c>scale</c>.</param>
    /// <param name="aspect">The screen's width over its height, as the browser reports it (16:9 until it has).</param>
    public static WallLayout For(int agents, int? columns, double scale, double aspect = Landscape)
    {
        // In units of the screen's height: the grid is aspect wide and GridShareOfHeight high.
        var shortSide = Math.Min(aspect, 1.0) * scale;
        var maxColumns = Math.Clamp((int)Math.Floor(aspect / (MinTileWidth * shortSide) + Epsilon), 1, MaxColumnsAtAnyScale);
        var maxRows = Math.Clamp((int)Math.Floor(GridShareOfHeight / (MinTileHeight * shortSide) + Epsilon), 1, MaxRowsAtAnyScale);
        var count = Math.Max(1, agents);
        if (columns is { } fixedColumns)
        {
            var width = Math.Clamp(fixedColumns, 1, MaxColumnsAtAnyScale);
            return new(width, Math.Clamp(Ceiling(count, width), 1, maxRows));
        }
        if (count >= maxColumns * maxRows)
        {
            return new(maxColumns, maxRows);
        }
        // The grid whose tiles can hold the largest text; within a few percent, the one with fewer empty cells.
        var gridAspect = aspect / GridShareOfHeight;
        WallLayout best = new(maxColumns, maxRows);
        var bestSize = 0.0;
        for (var c = 1; c <= maxColumns; c++)
        {
            var r = Ceiling(count, c);
            if (r > maxRows)
            {
                continue;
            }
            var size = Math.Min(gridAspect / c / TileAspect, 1.0 / r);
            if (size > bestSize * (1 + NearlyAsLarge) || (size >= bestSize * (1 - NearlyAsLarge) && c * r < best.PerPage))
            {
                (best, bestSize) = (new(c, r), size);
            }
        }
        return best;
    }

    private static int Ceiling(int count, int per) => (count + per - 1) / per;
}
