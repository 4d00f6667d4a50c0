using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SutWeb.Shared.Wire;

/// <summary>
/// Reads an integer sent either as a JSON number or as a numeric string (Eggplant sends
/// <c>process_id</c> as a number and <c>processid</c> as a string). An empty string reads as null;
/// anything else is malformed.
/// </summary>
public sealed class LenientInt32Converter : JsonConverter<int?>
{
    public override bool HandleNull => true;

    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt32(out var number):
                return number;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }
                throw new JsonException($"'{Truncate(text)}' is not an integer.");
            default:
                throw new JsonException($"Expected an integer, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        if (value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static string Truncate(string text) => text.Length <= 32 ? text : text[..32] + "…";
}
