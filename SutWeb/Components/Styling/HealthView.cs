namespace SutWeb.Components.Styling;

/// <summary>
/// Upstream health as a view shows it: a sentence, its style, and whether the data on screen is stale; while polls
/// fail, what to do about it (<see cref="Advice"/>) and the technical cause (<see cref="Detail"/>, the last error).
/// </summary>
public sealed record HealthView(StatusStyle Style, bool IsStale, string? Advice = null, string? Detail = null);
