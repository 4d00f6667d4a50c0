using System.Text.Json;
using System.Text.Json.Serialization;
using SutWeb.Shared.Views;

namespace SutWeb.Hubs;

/// <summary>
/// Writes a <see cref="SerializedSnapshot"/> as a <see cref="StatusSnapshot"/>, in its property order and under the
/// serializer's naming policy: the small fields serialised now, the agents copied in as they are.
/// </summary>
public sealed class SerializedSnapshotConverter : JsonConverter<SerializedSnapshot>
{
    public override SerializedSnapshot Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A serialised snapshot is only written; read a StatusSnapshot instead.");

    public override void Write(Utf8JsonWriter writer, SerializedSnapshot value, JsonSerializerOptions options)
    {
        var snapshot = value.Snapshot;
        writer.WriteStartObject();
        writer.WritePropertyName(Name(nameof(StatusSnapshot.Version), options));
        JsonSerializer.Serialize(writer, snapshot.Version, options);
        writer.WritePropertyName(Name(nameof(StatusSnapshot.ObservedAt), options));
        JsonSerializer.Serialize(writer, snapshot.ObservedAt, options);
        writer.WritePropertyName(Name(nameof(StatusSnapshot.Health), options));
        JsonSerializer.Serialize(writer, snapshot.Health, options);
        writer.WritePropertyName(Name(nameof(StatusSnapshot.Agents), options));
        // Written by the same serializer with the same options, so it needs no second validation.
        writer.WriteRawValue(value.AgentsJson.Span, skipInputValidation: true);
        writer.WriteEndObject();
    }

    private static string Name(string property, JsonSerializerOptions options) =>
        options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}
