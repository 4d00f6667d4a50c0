namespace SutWeb.Components.Styling;

/// <summary>How one state looks everywhere: a word, an icon and a colour, never colour alone.</summary>
public sealed record StatusStyle(string Text, string Icon, MudBlazor.Color Color);
