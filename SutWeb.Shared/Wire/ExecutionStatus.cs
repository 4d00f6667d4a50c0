using System.Text.Json.Serialization;

namespace SutWeb.Shared.Wire;

/// <summary>The run under way on an agent: the <c>execution_status</c> object of the status array.</summary>
public sealed class ExecutionStatus
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }

    [JsonPropertyName("modelname")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ModelName { get; init; }

    /// <summary>May be an empty string.</summary>
    [JsonPropertyName("username")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? UserName { get; init; }

    [JsonPropertyName("starttime")]
    [JsonConverter(typeof(EggplantTimestampConverter))]
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Null while the run is under way.</summary>
    [JsonPropertyName("endtime")]
    [JsonConverter(typeof(EggplantTimestampConverter))]
    public DateTimeOffset? EndTime { get; init; }

    [JsonPropertyName("type")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Type { get; init; }

    [JsonPropertyName("agentname")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? AgentName { get; init; }

    [JsonPropertyName("initiator")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Initiator { get; init; }

    /// <summary>Null until a run report exists.</summary>
    [JsonPropertyName("runid")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? RunId { get; init; }

    /// <summary>Documented as Running, Passed, Failed or Incomplete; anything else is kept as sent.</summary>
    [JsonPropertyName("status")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Status { get; init; }

    /// <summary>A string on the wire (a number outside <c>execution_status</c>); either is accepted.</summary>
    [JsonPropertyName("processid")]
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? ProcessId { get; init; }
}
