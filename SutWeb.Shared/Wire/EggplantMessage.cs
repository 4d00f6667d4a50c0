using System.Text.Json.Serialization;

namespace SutWeb.Shared.Wire;

/// <summary>The <c>{"message", "description"}</c> body of Eggplant errors and of the abort answer.</summary>
public sealed class EggplantMessage
{
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
