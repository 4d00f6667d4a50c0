using System.Globalization;
using System.Text.Json.Nodes;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// Agents the driver puts on the simulator through its control API to time changes: each has just finished a run that
/// failed, under a model name the driver sets. Their rows are at the top of the dashboard whether it sorts by key
/// (<c>0-bench-…</c> sorts before the simulator's <c>agent-…</c>) or puts failures first, so a virtualised list shows them.
/// </summary>
public static class BenchAgents
{
    public static string Name(int slot) => "0-bench-" + slot.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>An agent whose failed run has the model name <paramref name="model"/>: a change of it changes one visible cell.</summary>
    public static JsonObject Failed(int slot, string model) => new()
    {
        ["agent_name"] = Name(slot),
        ["port"] = 6000 + slot,
        ["process_id"] = 90_000 + slot,
        ["execution_status"] = new JsonObject
        {
            ["id"] = $"00000000-0000-4000-8000-{slot:D12}",
            ["modelname"] = model,
            ["username"] = "bench",
            ["starttime"] = "2026-11-25 10:06:45.545359+01",
            ["endtime"] = "2026-11-25 10:41:07.1093+01",
            ["type"] = "model",
            ["agentname"] = Name(slot),
            ["initiator"] = "api",
            ["runid"] = 4242 + slot,
            ["status"] = "Failed",
            ["processid"] = (90_000 + slot).ToString(CultureInfo.InvariantCulture),
        },
        ["process_status"] = "Finished",
        ["last_log"] = "Connected to SUT\r\nWaiting for image \"CartIcon\" (timeout 30 s)\r\nExecution finished: Failed",
    };

    /// <summary>An agent with nothing to do: no process, no run.</summary>
    public static JsonObject Idle(string name, int port) => new()
    {
        ["agent_name"] = name,
        ["port"] = port,
        ["process_id"] = 0,
    };

    /// <summary>An agent whose run is under way: while it runs, its server is polled at the active pace.</summary>
    public static JsonObject Running(string name, int port) => new()
    {
        ["agent_name"] = name,
        ["port"] = port,
        ["process_id"] = 80_000 + port,
        ["execution_status"] = new JsonObject
        {
            ["id"] = $"00000000-0000-4000-9000-{port:D12}",
            ["modelname"] = "LongSoak",
            ["username"] = "bench",
            ["starttime"] = "2026-11-25 10:06:45.545359+01",
            ["endtime"] = null,
            ["type"] = "model",
            ["agentname"] = name,
            ["initiator"] = "api",
            ["runid"] = null,
            ["status"] = "Running",
            ["processid"] = (80_000 + port).ToString(CultureInfo.InvariantCulture),
        },
        ["process_status"] = "Running",
        ["last_log"] = "Connected to SUT\r\nExecuting action \"Click Submit\" (step 3 of 52)",
    };
}
