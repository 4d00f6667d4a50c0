namespace SutWeb.Components.Layout;

/// <summary>The viewer's choice of colours, remembered per browser.</summary>
public enum ThemeMode
{
    System,
    Light,
    Dark,
}
