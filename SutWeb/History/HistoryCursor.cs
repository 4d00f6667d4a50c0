using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace SutWeb.History;

/// <summary>
/// Where a newest-first page ended: the last row's time and id. Opaque to callers (URL-safe base64), so its form may
/// change; a reader passes back the <c>next</c> it was given.
/// </summary>
public readonly record struct HistoryCursor(DateTimeOffset Time, long Id)
{
    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Time.UtcTicks}.{Id}")));

    /// <returns>False when <paramref name="text"/> is not a cursor this version made (a 400 naming <c>cursor</c>).</returns>
    public static bool TryParse(string? text, out HistoryCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64)
        {
            return false;
        }
        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split('.');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks)
            {
                cursor = new HistoryCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
                return true;
            }
        }
        catch (FormatException)
        {
        }
        return false;
    }
}
