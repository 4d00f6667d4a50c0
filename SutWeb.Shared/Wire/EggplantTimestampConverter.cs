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
        // Most timestamps are plain ASCII in one of the two known forms: read them from the bytes, without a string.
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && TryParseFast(reader.ValueSpan, out var fast))
        {
            return fast;
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
        // No real timestamp is this long; refusing early keeps the pattern's work bounded on hostile input.
        if (text.Length > 64)
        {
            return false;
        }
        Match match;
        try
        {
            match = TimestampPattern().Match(text.Trim());
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
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

    /// <summary>
    /// <c>yyyy-MM-dd[ T]HH:mm:ss[.f…][Z|±HH[[:]mm]]</c> straight from UTF-8 bytes. False means "not this simple form"
    /// (the caller then takes the general path), never a different reading of the same text.
    /// </summary>
    public static bool TryParseFast(ReadOnlySpan<byte> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 19
            || !Digits(s, 0, 4, out var year) || s[4] != '-' || !Digits(s, 5, 2, out var month) || s[7] != '-'
            || !Digits(s, 8, 2, out var day) || (s[10] != ' ' && s[10] != 'T' && s[10] != 't')
            || !Digits(s, 11, 2, out var hour) || s[13] != ':' || !Digits(s, 14, 2, out var minute) || s[16] != ':'
            || !Digits(s, 17, 2, out var second))
        {
            return false;
        }
        var i = 19;
        long fraction = 0;
        if (i < s.Length && s[i] == '.')
        {
            var digits = 0;
            for (i++; i < s.Length && char.IsAsciiDigit((char)s[i]); i++)
            {
                if (digits < 7)
                {
                    fraction = fraction * 10 + (s[i] - '0');
                    digits++;
                }
            }
            if (digits == 0)
            {
                return false;
            }
            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }
        var offsetMinutes = 0;
        if (i < s.Length && (s[i] == 'Z' || s[i] == 'z'))
        {
            i++;
        }
        else if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            var sign = s[i] == '-' ? -1 : 1;
            if (!Digits(s, i + 1, 2, out var offsetHours))
            {
                return false;
            }
            i += 3;
            var extra = 0;
            if (i < s.Length)
            {
                if (s[i] == ':')
                {
                    i++;
                }
                if (!Digits(s, i, 2, out extra))
                {
                    return false;
                }
                i += 2;
            }
            offsetMinutes = sign * (offsetHours * 60 + extra);
            if (extra >= 60 || Math.Abs(offsetMinutes) > 14 * 60)
            {
                return false;
            }
        }
        if (i != s.Length || month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        try
        {
            value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offsetMinutes)).AddTicks(fraction);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false; // outside the representable range once the offset is applied
        }
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit((char)s[i]))
            {
                return false;
            }
            value = value * 10 + (s[i] - '0');
        }
        return true;
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})[ Tt](?<time>\d{2}:\d{2}(:\d{2})?)(\.(?<fraction>\d+))?\s*(?<offset>Z|z|[+-]\d{2}(:?\d{2})?)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex TimestampPattern();
}
