using System.Globalization;
using System.Text.Json.Nodes;

namespace SutWeb.Tests.History;

/// <summary>Agents in the Eggplant wire format with a run of a known execution id, for the simulator's control API.</summary>
internal static class HistoryAgents
{
    public static JsonObject Idle(string name, int port) =>
        new() { ["agent_name"] = name, ["port"] = port, ["process_id"] = 0 };

    /// <summary>An agent whose run <paramref name="executionId"/> is in <paramref name="status"/>; finished runs took 90 s from <paramref name="start"/> (default: 90 s ago).</summary>
    public static JsonObject WithRun(string name, int port, string executionId, string status, string model = "Checkout", DateTimeOffset? start = null)
    {
        var running = status == "Running";
        var started = start ?? DateTimeOffset.UtcNow - TimeSpan.FromSeconds(90);
        var end = started + TimeSpan.FromSeconds(90);
        var agent = Idle(name, port);
        agent["process_id"] = 4000 + port % 1000;
        agent["execution_status"] = new JsonObject
        {
            ["id"] = executionId,
            ["modelname"] = model,
            ["username"] = "tester",
            ["starttime"] = started.ToString("O", CultureInfo.InvariantCulture),
            ["endtime"] = running ? null : end.ToString("O", CultureInfo.InvariantCulture),
            ["type"] = "model",
            ["agentname"] = name,
            ["initiator"] = "api",
            ["runid"] = "run-" + executionId[..8],
            ["status"] = status,
            ["processid"] = (4000 + port % 1000).ToString(CultureInfo.InvariantCulture),
        };
        agent["process_status"] = running ? "Running" : "Finished";
        agent["last_log"] = $"{model}: step 40 of 40 on {name}, {status}\r\n";
        return agent;
    }
}
