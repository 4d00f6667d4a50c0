using System.Globalization;

namespace SutWeb.Components.Styling;

/// <summary>
/// The viewer's own time zone, per circuit. The server cannot know it, so the browser tells it on first render
/// (<see cref="ViewerTimeZoneProbe"/>); until then times show in UTC, marked as such.
/// </summary>
public sealed class ViewerTime
{
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public bool Known { get; private set; }

    public event Action? Changed;

    public void SetZone(string? ianaId)
    {
        if (string.IsNullOrWhiteSpace(ianaId) || !TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone))
        {
            return;
        }
        Zone = zone;
        Known = true;
        Changed?.Invoke();
    }

    public DateTimeOffset ToLocal(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    public string Format(DateTimeOffset time, string format) =>
        ToLocal(time).ToString(format, CultureInfo.InvariantCulture) + (Known ? "" : " UTC");
}
