using System.Text.Json.Serialization;

namespace SutWeb.Shared.Wire;

/// <summary>Lets the parser see null elements in the status array instead of failing inside the serializer.</summary>
[JsonSourceGenerationOptions(UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip, MaxDepth = 32)]
[JsonSerializable(typeof(List<AgentConnection?>))]
internal sealed partial class NullableListContext : JsonSerializerContext;
