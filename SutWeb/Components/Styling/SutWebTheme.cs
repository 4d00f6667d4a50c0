using MudBlazor;

namespace SutWeb.Components.Styling;

/// <summary>The one MudBlazor theme of every page, light and dark; views pick the mode, never their own colours.</summary>
public static class SutWebTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3b5bdb",
            AppbarBackground = "#1f2a44",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#748ffc",
            AppbarBackground = "#11182a",
            Background = "#0d1117",
            Surface = "#161b22",
            // "Dark" is the neutral of undocumented states; on a dark background it must be a light grey to be seen.
            Dark = "#a3acb9",
            DarkContrastText = "#0d1117",
        },
    };
}
