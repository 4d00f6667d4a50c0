using System.Text.Json;
using System.Text.Json.Serialization;

namespace SutWeb.Tests.TestSupport;

/// <summary>Figures to three decimals (no measurement here is finer), and no value (NaN: nothing measured) as null.</summary>
public sealed class RoundedDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(Math.Round(value, 3));
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public override bool HandleNull => true;
}
