namespace SutWeb.Components.Layout;

/// <summary>
/// The viewer's theme as remembered in a cookie: the mode chosen, and whether it came out dark the last time (for
/// <see cref="ThemeMode.System"/>, the system's answer then). A cookie rather than browser storage, so that the
/// server renders the first paint in the right colours instead of light first and dark a moment later.
/// </summary>
public sealed record ThemeChoice(ThemeMode Mode, bool Dark)
{
    public const string CookieName = "sutweb-theme";

    public static readonly ThemeChoice Default = new(ThemeMode.System, Dark: false);

    /// <summary>"dark.1", "system.0", …; anything else (a cookie from elsewhere, tampered with) is the default.</summary>
    public static ThemeChoice Parse(string? cookie)
    {
        var parts = (cookie ?? "").Split('.');
        if (parts.Length != 2
            || !Enum.TryParse<ThemeMode>(parts[0], ignoreCase: true, out var mode)
            || !Enum.IsDefined(mode)
            || parts[0].Any(char.IsDigit)
            || parts[1] is not ("0" or "1"))
        {
            return Default;
        }
        // An explicit choice decides by itself; only "system" needs the remembered answer.
        return new(mode, mode switch { ThemeMode.Dark => true, ThemeMode.Light => false, _ => parts[1] == "1" });
    }

    public string ToCookieValue() => $"{Mode.ToString().ToLowerInvariant()}.{(Dark ? 1 : 0)}";
}
