using System.Text.Json.Serialization;

namespace SutWeb.Shared.Wire;

/// <summary>Source-generated System.Text.Json metadata for the Eggplant wire format.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    MaxDepth = 32)]
[JsonSerializable(typeof(AgentConnection))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(EggplantMessage))]
public sealed partial class EggplantJsonContext : JsonSerializerContext;
