using System.Text.Json;
using System.Text.Json.Serialization;

namespace SutWeb.Simulator;

/// <summary>Source-generated JSON for the control API: camelCase, like the rest of SutWeb's own JSON.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SimulatorActivitySetting))]
[JsonSerializable(typeof(SimulatorFaultSetting))]
[JsonSerializable(typeof(SimulatorTokenSetting))]
[JsonSerializable(typeof(SimulatorStats))]
internal sealed partial class SimulatorControlJsonContext : JsonSerializerContext;
