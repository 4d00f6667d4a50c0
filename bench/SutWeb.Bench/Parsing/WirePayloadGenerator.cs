using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SutWeb.Bench.Parsing;

/// <summary>
/// Realistic answers of <c>POST /api/sut/status</c> (docs/API.md section 1), from a seed: most agents running a model,
/// with <c>execution_status</c> and a last log of a few lines; some finished; some idle. The next poll of the same
/// server changes about one agent in a hundred, as a busy test farm does between two polls.
/// </summary>
public sealed class WirePayloadGenerator(int seed)
{
    private static readonly string[] Models =
        ["BBCSport", "CheckoutFlow", "LoginAndLogout", "SearchSmoke", "PaymentsRegression", "MobileOnboarding", "ReportsExport", "AccessibilityTour"];

    private static readonly string[] Users = ["", "alice", "bob", "carol", "dave", "ci-nightly"];

    private static readonly string[] LogLines =
    [
        "Connected to SUT sut-{0:D3}.farm.example.test on port 5900",
        "Executing action \"Click Submit\" (step {0} of 52)",
        "Waiting for image \"CartIcon\" (timeout 30 s)",
        "Found image \"CartIcon\" at ({0}, 94)",
        "Typed text into field <Search> : \"wireless headphones\"",
        "Warning: retrying action after 2 s (attempt {0})",
        "State \"Basket\" reached; coverage {0} %",
        "Screenshot saved: run-{0}/step.png",
    ];

    private readonly Random _random = new(seed);
    private int _line;

    /// <summary>The agents of one answer: 80 % running, 10 % finished, 10 % idle.</summary>
    public List<JsonObject> Agents(int count)
    {
        var digits = Math.Max(4, count.ToString(CultureInfo.InvariantCulture).Length);
        var agents = new List<JsonObject>(count);
        for (var i = 0; i < count; i++)
        {
            var name = "agent-" + (i + 1).ToString("D" + digits, CultureInfo.InvariantCulture);
            var roll = _random.NextDouble();
            agents.Add(roll < 0.8 ? Running(name, 5400 + i) : roll < 0.9 ? Finished(name, 5400 + i) : Idle(name, 5400 + i));
        }
        return agents;
    }

    /// <summary>The next poll's answer: a deep copy with about <paramref name="fraction"/> of the agents changed (at least one).</summary>
    public List<JsonObject> Next(IReadOnlyList<JsonObject> agents, double fraction = 0.01)
    {
        var next = agents.Select(a => (JsonObject)a.DeepClone()).ToList();
        var changes = Math.Max(1, (int)Math.Round(agents.Count * fraction));
        for (var i = 0; i < changes; i++)
        {
            var agent = next[_random.Next(next.Count)];
            if (agent["execution_status"] is JsonObject execution && (string?)execution["status"] == "Running")
            {
                agent["last_log"] = TrimLog((string?)agent["last_log"] + "\r\n" + LogLine());
            }
            else
            {
                agent["process_id"] = 0;
                agent.Remove("execution_status");
                agent.Remove("process_status");
                agent.Remove("last_log");
            }
        }
        return next;
    }

    /// <summary>
    /// The next poll's answer with about <paramref name="fraction"/> of the agents at another point of their runs (at
    /// least one): a running agent's run finishes (Passed, Failed or Incomplete), any other agent starts a new run. Every
    /// change is one for history: a run row to write and its event.
    /// </summary>
    public List<JsonObject> NextRuns(IReadOnlyList<JsonObject> agents, double fraction = 0.01)
    {
        var next = agents.ToList();
        var changes = Math.Max(1, (int)Math.Round(agents.Count * fraction));
        for (var i = 0; i < changes; i++)
        {
            var index = _random.Next(next.Count);
            var agent = next[index];
            var name = (string)agent["agent_name"]!;
            var port = (int)agent["port"]!;
            if (agent["execution_status"] is JsonObject execution && (string?)execution["status"] == "Running")
            {
                var status = _random.Next(3) switch { 0 => "Passed", 1 => "Failed", _ => "Incomplete" };
                var finished = (JsonObject)execution.DeepClone();
                finished["status"] = status;
                finished["endtime"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.ffffffzz", CultureInfo.InvariantCulture);
                finished["runid"] = _random.Next(1, 90_000);
                next[index] = new JsonObject
                {
                    ["agent_name"] = name,
                    ["port"] = port,
                    ["process_id"] = agent["process_id"]?.DeepClone(),
                    ["execution_status"] = finished,
                    ["process_status"] = "Finished",
                    ["last_log"] = LogLine() + "\r\nExecution finished: " + status,
                };
            }
            else
            {
                next[index] = Running(name, port);
            }
        }
        return next;
    }

    /// <summary>The JSON array as a server writes it (quotes and markup unescaped, as Eggplant does).</summary>
    public static byte[] Serialize(IEnumerable<JsonObject> agents)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var agent in agents)
            {
                agent.WriteTo(writer);
            }
            writer.WriteEndArray();
        }
        return stream.ToArray();
    }

    private JsonObject Running(string name, int port)
    {
        var processId = 20_000 + _random.Next(40_000);
        var lines = Enumerable.Range(0, 3 + _random.Next(4)).Select(_ => LogLine());
        return new JsonObject
        {
            ["agent_name"] = name,
            ["port"] = port,
            ["process_id"] = processId,
            ["execution_status"] = Execution(name, processId, "Running", endTime: null, runId: null),
            ["process_status"] = "Running",
            ["last_log"] = string.Join("\r\n", lines),
        };
    }

    private JsonObject Finished(string name, int port)
    {
        var processId = 20_000 + _random.Next(40_000);
        var status = _random.Next(3) switch { 0 => "Passed", 1 => "Failed", _ => "Incomplete" };
        return new JsonObject
        {
            ["agent_name"] = name,
            ["port"] = port,
            ["process_id"] = processId,
            ["execution_status"] = Execution(name, processId, status, "2026-11-25 10:41:07.1093+01", _random.Next(1, 90_000)),
            ["process_status"] = "Finished",
            ["last_log"] = LogLine() + "\r\nExecution finished: " + status,
        };
    }

    private static JsonObject Idle(string name, int port) => new()
    {
        ["agent_name"] = name,
        ["port"] = port,
        ["process_id"] = 0,
    };

    private JsonObject Execution(string agent, int processId, string status, string? endTime, int? runId) => new()
    {
        ["id"] = NewId(),
        ["modelname"] = Models[_random.Next(Models.Length)],
        ["username"] = Users[_random.Next(Users.Length)],
        ["starttime"] = $"2026-11-25 {8 + _random.Next(3):D2}:{_random.Next(60):D2}:{_random.Next(60):D2}.{_random.Next(1_000_000):D6}+01",
        ["endtime"] = endTime,
        ["type"] = "model",
        ["agentname"] = agent,
        ["initiator"] = _random.Next(4) == 0 ? "api" : "ui",
        ["runid"] = runId,
        ["status"] = status,
        ["processid"] = processId.ToString(CultureInfo.InvariantCulture),
    };

    private string NewId()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private string LogLine() => string.Format(CultureInfo.InvariantCulture, LogLines[_line++ % LogLines.Length], _random.Next(1, 999));

    private static string TrimLog(string log)
    {
        var lines = log.Split("\r\n");
        return lines.Length <= 8 ? log : string.Join("\r\n", lines[^8..]);
    }
}
