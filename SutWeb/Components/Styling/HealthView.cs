namespace SutWeb.Components.Styling;

/// <summary>Upstream health as a view shows it: a sentence, its style, and whether the data on screen is stale.</summary>
public sealed record HealthView(StatusStyle Style, bool IsStale);
