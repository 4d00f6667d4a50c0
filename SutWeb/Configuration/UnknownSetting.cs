namespace SutWeb.Configuration;

/// <summary>A configuration key no options class binds, and the known key it is most likely a slip for.</summary>
/// <param name="Key">The full key as configured, e.g. <c>Eggplant:PolInterval</c>.</param>
/// <param name="Section">The section it is under, e.g. <c>Eggplant</c>; empty for a mistyped section.</param>
/// <param name="Suggestion">The nearest known key, e.g. <c>Eggplant:PollInterval</c>; null when none is close.</param>
/// <param name="Known">The names the section does know.</param>
public sealed record UnknownSetting(string Key, string Section, string? Suggestion, IReadOnlyList<string> Known);
