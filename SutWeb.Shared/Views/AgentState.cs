using System.Text.Json.Serialization;

namespace SutWeb.Shared.Views;

/// <summary>What an agent is doing, derived from its execution status (docs/API.md section 3).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgentState>))]
public enum AgentState
{
    Idle,
    Running,
    Passed,
    Failed,
    Incomplete,
    Unknown,
}
