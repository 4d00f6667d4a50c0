using System.Globalization;
using SutWeb.Components.Listing;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Wall;

/// <summary>
/// The wall's display settings, all from the URL so that a TV is configured once by bookmark. A value that does not
/// parse falls back to its default: a screen without a keyboard cannot show an error and wait for a fix. A renamed
/// parameter keeps its old name as an alias, read only when the new one is absent, so old bookmarks keep working.
/// </summary>
public sealed record WallSettings
{
    public static readonly TimeSpan DefaultPageInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MinPageInterval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxPageInterval = TimeSpan.FromHours(1);
    public const double MinScale = 0.5;
    public const double MaxScale = 3;

    public static WallSettings Default { get; } = new();

    /// <summary>Null: as many columns as fit the agents legibly (<see cref="WallLayout.For"/>).</summary>
    public int? Columns { get; init; }

    /// <summary>The agents this wall shows, as on the desk (<c>q</c>, <c>state</c> and <c>source</c>).</summary>
    public AgentFilter Filter { get; init; } = AgentFilter.Everything;

    /// <summary>
    /// Text scale factor, in steps of 0.25 from <see cref="MinScale"/> to <see cref="MaxScale"/>: above 1, bigger text
    /// and so fewer, larger tiles per page.
    /// </summary>
    public double Scale { get; init; } = 1;

    /// <summary>How long each page shows when the agents need more than one (<c>cycle</c>, in seconds).</summary>
    public TimeSpan PageInterval { get; init; } = DefaultPageInterval;

    /// <summary>The screen's style: the scale, for wall.css to size every text by.</summary>
    public string ScaleStyle => string.Create(CultureInfo.InvariantCulture, $"--wall-scale: {Scale}");

    /// <summary>
    /// Reads the URL's values, each null when absent. <paramref name="filter"/> is the old filter, read as
    /// <see cref="AgentFilter.FromWallFilter"/> when neither <paramref name="q"/> nor <paramref name="state"/> is given;
    /// <paramref name="page"/> the old name of <paramref name="cycle"/>. <paramref name="source"/> (the sources to show,
    /// for a TV per lab) goes with either.
    /// </summary>
    public static WallSettings Parse(string? cols = null, string? q = null, string? state = null, string? scale = null, string? cycle = null,
        string? filter = null, string? page = null, string? source = null) => new()
    {
        Columns = int.TryParse(cols, NumberStyles.Integer, CultureInfo.InvariantCulture, out var columns) && columns > 0
            ? Math.Min(columns, WallLayout.MaxColumnsAtAnyScale)
            : null,
        Filter = (q is null && state is null ? AgentFilter.FromWallFilter(filter) : AgentFilter.Parse(q, state))
            with { Sources = AgentFilter.Parse(null, null, source).Sources },
        Scale = double.TryParse(scale, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) && double.IsFinite(factor) && factor > 0
            ? Math.Round(Math.Clamp(factor, MinScale, MaxScale) * 4) / 4
            : 1,
        PageInterval = double.TryParse(cycle ?? page, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && seconds > 0
            ? TimeSpan.FromSeconds(Math.Clamp(seconds, MinPageInterval.TotalSeconds, MaxPageInterval.TotalSeconds))
            : DefaultPageInterval,
    };

    /// <summary>The agents this wall shows, in the order of every view (<see cref="AgentOrder"/>).</summary>
    /// <param name="agents">The board's agents.</param>
    /// <param name="sourceNames">The sources' names while the board has several: <c>q</c> also matches a source's id and name.</param>
    public IReadOnlyList<AgentView> Arrange(IEnumerable<AgentView> agents, IReadOnlyDictionary<string, string>? sourceNames = null) =>
        [.. agents.Where(a => Filter.Matches(a, sourceNames)).Order(AgentOrder.Default)];
}
