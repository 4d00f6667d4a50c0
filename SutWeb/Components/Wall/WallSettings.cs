using System.Globalization;
using SutWeb.Components.Styling;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Wall;

/// <summary>
/// The wall's display settings, all from the URL so that a TV is configured once by bookmark. A value that does not
/// parse falls back to its default: a screen without a keyboard cannot show an error and wait for a fix.
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

    /// <summary>Terms of <c>filter=</c>; an agent is shown when any term matches (none: every agent).</summary>
    public IReadOnlyList<string> Filter { get; init; } = [];

    /// <summary>
    /// Text scale factor, in steps of 0.25 from <see cref="MinScale"/> to <see cref="MaxScale"/>: above 1, bigger text
    /// and so fewer, larger tiles per page. Steps, so that the style sheet has a class for each (no inline styles).
    /// </summary>
    public double Scale { get; init; } = 1;

    /// <summary>How long each page shows when the agents need more than one.</summary>
    public TimeSpan PageInterval { get; init; } = DefaultPageInterval;

    public string FilterText => string.Join(", ", Filter);

    public string ScaleClass => $"wall-scale-{(int)Math.Round(Scale * 100)}";

    /// <summary><c>theme=light</c> is light; anything else, or nothing, is dark (the default of a wall).</summary>
    public static bool IsDark(string? theme) => !string.Equals(theme?.Trim(), "light", StringComparison.OrdinalIgnoreCase);

    public static WallSettings Parse(string? cols, string? filter, string? scale, string? page) => new()
    {
        Columns = int.TryParse(cols, NumberStyles.Integer, CultureInfo.InvariantCulture, out var columns) && columns > 0
            ? Math.Min(columns, WallLayout.MaxColumnsAtAnyScale)
            : null,
        Filter = (filter ?? "").Split([',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Scale = double.TryParse(scale, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) && double.IsFinite(factor) && factor > 0
            ? Math.Round(Math.Clamp(factor, MinScale, MaxScale) * 4) / 4
            : 1,
        PageInterval = double.TryParse(page, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && seconds > 0
            ? TimeSpan.FromSeconds(Math.Clamp(seconds, MinPageInterval.TotalSeconds, MaxPageInterval.TotalSeconds))
            : DefaultPageInterval,
    };

    /// <summary>The agents this wall shows, failures first (<see cref="AgentStateStyles.Rank"/>), then by name.</summary>
    public IReadOnlyList<AgentView> Arrange(IEnumerable<AgentView> agents) =>
    [
        .. agents.Where(Matches)
            .OrderBy(a => AgentStateStyles.Rank(a.State))
            .ThenBy(a => a.AgentName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(a => a.Key, StringComparer.Ordinal),
    ];

    /// <summary>A term matches an agent in the state it names ("failed", "running"), or as part of its name or model.</summary>
    public bool Matches(AgentView agent) => Filter.Count == 0 || Filter.Any(term => Matches(agent, term));

    private static bool Matches(AgentView agent, string term) =>
        string.Equals(agent.State.ToString(), term, StringComparison.OrdinalIgnoreCase)
        || string.Equals(AgentStateStyles.For(agent).Text, term, StringComparison.OrdinalIgnoreCase)
        || agent.AgentName.Contains(term, StringComparison.OrdinalIgnoreCase)
        || (agent.Execution?.ModelName?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false);
}
