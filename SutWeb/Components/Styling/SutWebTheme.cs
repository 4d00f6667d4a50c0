using MudBlazor;

namespace SutWeb.Components.Styling;

/// <summary>
/// The one MudBlazor theme of every page, light and dark; views pick the mode, never their own colours. The state
/// colours meet WCAG 2.2 AA wherever they are used (checked by axe-core in the browser tests): as text on the page and
/// on their own light tint (text chips, wall counts) at 4.5:1 or more, and as a filled background under their contrast
/// text (health chip, failed count, the wall's alert tiles). Light mode: dark shades under white text; dark mode:
/// light shades under near-black text.
/// </summary>
public static class SutWebTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3b5bdb",
            AppbarBackground = "#1f2a44",
            // Darker than MudBlazor's default (#6f6f6f), which falls to 4.4:1 on a hovered or tinted row.
            TextSecondary = "#616161",
            Info = "#0b57d0",
            Success = "#1b6e20",
            Warning = "#8f4700",
            Error = "#b3261e",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#748ffc",
            AppbarBackground = "#11182a",
            Background = "#0d1117",
            Surface = "#161b22",
            Info = "#58a6ff",
            InfoContrastText = "#0d1117",
            Success = "#3fb950",
            SuccessContrastText = "#0d1117",
            Warning = "#e3b341",
            WarningContrastText = "#0d1117",
            Error = "#ff7b72",
            ErrorContrastText = "#0d1117",
            // "Dark" is the neutral of undocumented states; on a dark background it must be a light grey to be seen.
            Dark = "#a3acb9",
            DarkContrastText = "#0d1117",
        },
    };
}
