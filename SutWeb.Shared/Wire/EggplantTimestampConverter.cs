using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace SutWeb.Shared.Wire;

/// <summary>
/// Reads Eggplant's timestamps: PostgreSQL's text form (<c>2018-06-01 10:06:45.545359+01</c>: a space,
/// a fraction of any length or none, an offset of <c>+01</c> or <c>+01:00</c>) or ISO-8601.
/// A time without an offset is taken as UTC.
/// </summary>
public sealed partial class EggplantTimestampConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a timestamp string, found {reader.TokenType}.");
        }
        var text = reader.GetString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return TryParse(text, out var value)
            ? value
            : throw new JsonException("Unreadable timestamp.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } time)
        {
            writer.WriteStringValue(time);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Parses one timestamp in any of the forms Eggplant servers are known to send.</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var match = TimestampPattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }
        // .NET reads at most seven fractional digits; PostgreSQL sends up to six, ISO writers may send more.
        var fraction = match.Groups["fraction"].Value;
        fraction = fraction.Length > 7 ? fraction[..7] : fraction;
        var offset = match.Groups["offset"].Value switch
        {
            "" or "Z" or "z" => "+00:00",
            var o when o.Length == 3 => o + ":00",
            var o when o.Length == 5 => o[..3] + ":" + o[3..],
            var o => o,
        };
        var normalised = $"{match.Groups["date"].Value}T{match.Groups["time"].Value}"
            + (fraction.Length > 0 ? "." + fraction : "") + offset;
        return DateTimeOffset.TryParse(normalised, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})[ Tt](?<time>\d{2}:\d{2}(:\d{2})?)(\.(?<fraction>\d+))?\s*(?<offset>Z|z|[+-]\d{2}(:?\d{2})?)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex TimestampPattern();
}
