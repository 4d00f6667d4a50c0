using System.Globalization;
using System.Text.Json.Nodes;

namespace SutWeb.Tests.EndToEnd;

/// <summary>Agent objects in the Eggplant wire format, for the simulator's control API.</summary>
internal static class WireAgents
{
    /// <summary>An agent with a run in <paramref name="status"/> ("Running", "Failed" ...), or idle when it is null.</summary>
    public static JsonObject Agent(string name, int port, string? status = null, string model = "CheckoutSmoke", string? lastLog = null,
        TimeSpan? startedAgo = null)
    {
        var agent = new JsonObject { ["agent_name"] = name, ["port"] = port, ["process_id"] = status is null ? 0 : 4000 + port % 1000 };
        if (status is null)
        {
            return agent;
        }
        var start = DateTimeOffset.UtcNow - (startedAgo ?? TimeSpan.FromMinutes(4));
        agent["execution_status"] = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["modelname"] = model,
            ["username"] = "tester",
            ["starttime"] = start.ToString("O", CultureInfo.InvariantCulture),
            ["endtime"] = status == "Running" ? null : start.AddMinutes(3).ToString("O", CultureInfo.InvariantCulture),
            ["type"] = "model",
            ["agentname"] = name,
            ["initiator"] = "api",
            ["runid"] = null,
            ["status"] = status,
            ["processid"] = (4000 + port % 1000).ToString(CultureInfo.InvariantCulture),
        };
        agent["process_status"] = status == "Running" ? "Running" : "Finished";
        agent["last_log"] = lastLog ?? $"{model}: step 12 of 40 on {name}\r\n";
        return agent;
    }
}
