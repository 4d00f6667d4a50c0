using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SutWeb.Simulator;

/// <summary>
/// Builds and edits agent objects in the wire format (docs/API.md section 1). Edits happen in place so
/// that whatever else an object holds (extra fields, quirky types) stays as it was.
/// </summary>
internal static class AgentJson
{
    public const int MaxLogLines = 20;
    private const string LineBreak = "\r\n";

    public static JsonObject Idle(string agentName, int port) => new()
    {
        ["agent_name"] = agentName,
        ["port"] = port,
        ["process_id"] = 0,
    };

    public static void StartRun(JsonObject agent, SimulatedRun run)
    {
        agent["process_id"] = run.ProcessId;
        agent["execution_status"] = new JsonObject
        {
            ["id"] = run.Id,
            ["modelname"] = run.ModelName,
            ["username"] = run.UserName,
            ["starttime"] = run.StartTime,
            ["endtime"] = null,
            ["type"] = "model",
            ["agentname"] = agent["agent_name"]?.DeepClone(),
            ["initiator"] = run.Initiator,
            ["runid"] = null,
            ["status"] = "Running",
            ["processid"] = run.ProcessId.ToString(CultureInfo.InvariantCulture),
        };
        agent["process_status"] = "Running";
        agent["last_log"] = $"Starting model \"{run.ModelName}\"";
    }

    /// <summary>Adds a line to <c>last_log</c>, keeping only the last <see cref="MaxLogLines"/> lines.</summary>
    public static void AppendLog(JsonObject agent, string line)
    {
        var lines = Text(agent["last_log"]) is { Length: > 0 } log ? log.Split(LineBreak).ToList() : [];
        lines.Add(line);
        agent["last_log"] = string.Join(LineBreak, lines.TakeLast(MaxLogLines));
    }

    public static void EndRun(JsonObject agent, string status, string endTime, int runId, string logLine)
    {
        if (agent["execution_status"] is JsonObject execution)
        {
            execution["endtime"] = endTime;
            execution["runid"] = runId;
            execution["status"] = status;
        }
        agent["process_status"] = "Finished";
        AppendLog(agent, logLine);
    }

    public static void GoIdle(JsonObject agent)
    {
        agent.Remove("execution_status");
        agent.Remove("process_status");
        agent.Remove("last_log");
        agent["process_id"] = 0;
    }

    /// <summary>Idle without an execution; finished once the status is final; any other status counts as under way.</summary>
    public static SimulatedPhase PhaseOf(JsonObject agent) =>
        agent["execution_status"] is not JsonObject execution ? SimulatedPhase.Idle
        : Text(execution["status"]) is "Passed" or "Failed" or "Incomplete" ? SimulatedPhase.Finished
        : SimulatedPhase.Running;

    /// <summary>Whether the agent runs that engine process, whether its ids are numbers or strings.</summary>
    public static bool HasProcessId(JsonObject agent, long processId) =>
        processId > 0
        && (ReadInt64(agent["process_id"]) == processId
            || ReadInt64((agent["execution_status"] as JsonObject)?["processid"]) == processId);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static long? ReadInt64(JsonNode? node)
    {
        var text = node?.GetValueKind() switch
        {
            JsonValueKind.Number => node.ToJsonString(),
            JsonValueKind.String => node.GetValue<string>(),
            _ => null,
        };
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
