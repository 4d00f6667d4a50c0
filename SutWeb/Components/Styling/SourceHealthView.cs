using SutWeb.Shared.Views;

namespace SutWeb.Components.Styling;

/// <summary>
/// One source's health as a screen shows it; <see cref="Id"/> and <see cref="Name"/> are null for the board of a single
/// source, which screens show without a name, as before sources existed.
/// </summary>
public sealed record SourceHealthView(string? Id, string? Name, UpstreamHealth Health, HealthView View)
{
    /// <summary>"Lab B — Eggplant server unreachable since 09:31", or the sentence alone for a single source.</summary>
    public string Headline => Name is null ? View.Style.Text : $"{Name} — {View.Style.Text}";
}
