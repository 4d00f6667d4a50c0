using Microsoft.AspNetCore.Components;

namespace SutWeb.Components.Styling;

/// <summary>
/// A MudBlazor icon drawn as MudIcon draws it, but without a component per icon: a dashboard page shows several per
/// row, and every component instance costs the circuit memory (docs/PERFORMANCE.md, target 6).
/// </summary>
public static class IconMarkup
{
    /// <param name="icon">One of MudBlazor's <c>Icons</c> constants (SVG path markup of the app's own, never upstream text).</param>
    public static RenderFragment Svg(string icon, string cssClass) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", "mud-icon-root mud-svg-icon " + cssClass);
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, icon);
        builder.CloseElement();
    };
}
