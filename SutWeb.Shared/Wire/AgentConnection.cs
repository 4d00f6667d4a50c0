using System.Text.Json.Serialization;

namespace SutWeb.Shared.Wire;

/// <summary>One open agent connection as <c>POST /api/sut/status</c> reports it (docs/API.md section 1).</summary>
public sealed class AgentConnection
{
    [JsonPropertyName("agent_name")]
    public string? AgentName { get; init; }

    /// <summary>Missing on some server versions.</summary>
    [JsonPropertyName("port")]
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? Port { get; init; }

    /// <summary>A number on the wire, but some servers send a string.</summary>
    [JsonPropertyName("process_id")]
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? ProcessId { get; init; }

    [JsonPropertyName("execution_status")]
    public ExecutionStatus? ExecutionStatus { get; init; }

    [JsonPropertyName("process_status")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ProcessStatus { get; init; }

    [JsonPropertyName("last_log")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? LastLog { get; init; }
}
