using System.Globalization;
using System.Text.Json.Nodes;

namespace SutWeb.Tests.History;

/// <summary>Agents in the Eggplant wire format with a run of a known execution id, for the simulator's control API.</summary>
internal static class HistoryAgents
{
    public static JsonObject Idle(string name, int port) =>
        new() { ["agent_name"] = name, ["port"] = port, ["process_id"] = 0 };

    /// <summary>An agent whose run <paramref name="executionId"/> is in <paramref name="status"/>; finished runs end now, having taken 90 s.</summary>
    public static JsonObject WithRun(string name, int port, string executionId, string status, string model = "Checkout")
    {
        var running = status == "Running";
        var end = DateTimeOffset.UtcNow;
        var start = end - TimeSpan.FromSeconds(90);
        var agent = Idle(name, port);
        agent["process_id"] = 4000 + port % 1000;
        agent["execution_status"] = new JsonObject
        {
            ["id"] = executionId,
            ["modelname"] = model,
            ["username"] = "tester",
            ["starttime"] = start.ToString("O", CultureInfo.InvariantCulture),
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
