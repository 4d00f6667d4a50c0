using SutWeb.Eggplant;
using SutWeb.Eggplant.Sources;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Styling;

/// <summary>
/// The board's health source by source, for the screens that name the source at fault: with several sources one view
/// per source (in the board's order), each judged by its own health and advised with its own settings; with one, the
/// board's view alone, unnamed, exactly as before sources existed.
/// </summary>
public static class SourceHealthViews
{
    /// <summary>Whether the board has several sources to tell apart.</summary>
    public static bool AreSeveral(UpstreamHealth health) => health.Sources is { Count: > 1 };

    public static IReadOnlyList<SourceHealthView> Describe(
        UpstreamHealth health, DateTimeOffset now, ViewerTime time, EggplantOptions options, IReadOnlyList<EggplantSource> configured)
    {
        if (health.Sources is not { Count: > 1 } sources)
        {
            // The one source may be a configured one (only Eggplant:Sources set): advice then names its own settings.
            var upstream = health.Sources is [{ } only] && Find(configured, only.Source) is { } own ? UpstreamSource.Of(own) : UpstreamSource.Of(options);
            return [new SourceHealthView(null, null, health, HealthDisplay.Describe(health, now, time, upstream))];
        }
        var views = new SourceHealthView[sources.Count];
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            var own = source.AsUpstream();
            var upstream = Find(configured, source.Source) is { } found ? UpstreamSource.Of(found) : UpstreamSource.Unnamed;
            views[i] = new SourceHealthView(source.Source, source.SourceName, own, HealthDisplay.Describe(own, now, time, upstream));
        }
        return views;
    }

    private static EggplantSource? Find(IReadOnlyList<EggplantSource> configured, string id) => configured.FirstOrDefault(s => s.Id == id);

    /// <summary>The most severe of <paramref name="views"/> (the first of equals), for one banner's colour and icon.</summary>
    public static SourceHealthView Worst(IReadOnlyList<SourceHealthView> views) =>
        views.Aggregate((worst, view) => SourceHealths.Severity(view.Health.State) > SourceHealths.Severity(worst.Health.State) ? view : worst);
}
