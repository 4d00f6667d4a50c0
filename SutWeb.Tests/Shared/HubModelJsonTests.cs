using System.Text.Json;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Shared;

/// <summary>The payloads of the <c>/hubs/status</c> hub as JSON clients see them (docs/API.md section 3).</summary>
public sealed class HubModelJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly DateTimeOffset ObservedAt = new(2024, 3, 1, 12, 0, 5, 250, TimeSpan.Zero);
    private static readonly DateTimeOffset LastSuccessAt = new(2024, 3, 1, 12, 0, 4, TimeSpan.Zero);

    private static readonly AgentView RunningAgent = new()
    {
        Key = "martin2:5400",
        AgentName = "martin2",
        Port = 5400,
        ProcessId = 58914,
        State = AgentState.Running,
        ProcessStatus = "Running",
        LastLog = "Internal Error: Failed to open model input file \"BBCSport\"\r\n\r\n<script>",
        Execution = new ExecutionView
        {
            Id = "039c7261-9eda-45b3-a74a-441ba039dc09",
            ModelName = "BBCSport",
            UserName = "",
            StartTime = new DateTimeOffset(2018, 6, 1, 10, 6, 45, TimeSpan.FromHours(1)).AddTicks(5_453_590),
            EndTime = null,
            Type = "model",
            AgentName = "martin2",
            Initiator = "api",
            RunId = null,
            Status = "Running",
            ProcessId = 58914,
        },
    };

    private static readonly AgentView IdleAgentWithoutPort = new()
    {
        Key = "zeta",
        AgentName = "zeta",
        Port = null,
        ProcessId = 0,
        State = AgentState.Idle,
    };

    private static StatusSnapshot Snapshot() => new()
    {
        Version = 42,
        ObservedAt = ObservedAt,
        Health = new UpstreamHealth { State = UpstreamState.Healthy, LastSuccessAt = LastSuccessAt, LastError = null, ConsecutiveFailures = 0 },
        Agents = [RunningAgent, IdleAgentWithoutPort],
    };

    private static StatusDiff Diff() => new()
    {
        FromVersion = 42,
        ToVersion = 43,
        ObservedAt = ObservedAt,
        Upserted = [RunningAgent],
        Removed = ["zeta", "old:5401"],
    };

    private static JsonElement SerializeToElement<T>(T value) =>
        JsonDocument.Parse(JsonSerializer.Serialize(value, Web)).RootElement.Clone();

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public void Serialize_Snapshot_TopLevelNamesAreCamelCase()
    {
        var json = SerializeToElement(Snapshot());

        Assert.Equal(["version", "observedAt", "health", "agents"], Names(json));
        Assert.Equal(42, json.GetProperty("version").GetInt64());
        Assert.Equal("2024-03-01T12:00:05.25+00:00", json.GetProperty("observedAt").GetString());
    }

    [Fact]
    public void Serialize_Snapshot_HealthStateIsAString()
    {
        var health = SerializeToElement(Snapshot()).GetProperty("health");

        Assert.Equal(["state", "lastSuccessAt", "lastError", "consecutiveFailures", "cause", "pollInterval"], Names(health));
        Assert.Equal(JsonValueKind.String, health.GetProperty("state").ValueKind);
        Assert.Equal("Healthy", health.GetProperty("state").GetString());
        Assert.Equal("2024-03-01T12:00:04+00:00", health.GetProperty("lastSuccessAt").GetString());
        Assert.Equal(JsonValueKind.Null, health.GetProperty("lastError").ValueKind);
        Assert.Equal(0, health.GetProperty("consecutiveFailures").GetInt32());
    }

    [Fact]
    public void Serialize_Snapshot_AgentHasContractNamesAndValues()
    {
        var agent = SerializeToElement(Snapshot()).GetProperty("agents")[0];

        Assert.Equal(
            ["key", "agentName", "port", "processId", "state", "processStatus", "lastLog", "lastLogTruncated", "execution", "source", "sourceName"],
            Names(agent));
        Assert.Equal("martin2:5400", agent.GetProperty("key").GetString());
        Assert.Equal("martin2", agent.GetProperty("agentName").GetString());
        Assert.Equal(5400, agent.GetProperty("port").GetInt32());
        Assert.Equal(58914, agent.GetProperty("processId").GetInt32());
        Assert.Equal("Running", agent.GetProperty("state").GetString());
        Assert.Equal("Running", agent.GetProperty("processStatus").GetString());
        Assert.Equal("Internal Error: Failed to open model input file \"BBCSport\"\r\n\r\n<script>", agent.GetProperty("lastLog").GetString());
        Assert.False(agent.GetProperty("lastLogTruncated").GetBoolean());
    }

    [Fact]
    public void Serialize_Snapshot_ExecutionHasContractNamesAndValues()
    {
        var execution = SerializeToElement(Snapshot()).GetProperty("agents")[0].GetProperty("execution");

        Assert.Equal(
            ["id", "modelName", "userName", "startTime", "endTime", "type", "agentName", "initiator", "runId", "status", "processId"],
            Names(execution));
        Assert.Equal("039c7261-9eda-45b3-a74a-441ba039dc09", execution.GetProperty("id").GetString());
        Assert.Equal("BBCSport", execution.GetProperty("modelName").GetString());
        Assert.Equal("", execution.GetProperty("userName").GetString());
        Assert.Equal("2018-06-01T10:06:45.545359+01:00", execution.GetProperty("startTime").GetString());
        Assert.Equal(JsonValueKind.Null, execution.GetProperty("endTime").ValueKind);
        Assert.Equal("model", execution.GetProperty("type").GetString());
        Assert.Equal("martin2", execution.GetProperty("agentName").GetString());
        Assert.Equal("api", execution.GetProperty("initiator").GetString());
        Assert.Equal(JsonValueKind.Null, execution.GetProperty("runId").ValueKind);
        Assert.Equal("Running", execution.GetProperty("status").GetString());
        Assert.Equal(58914, execution.GetProperty("processId").GetInt32());
    }

    [Fact]
    public void Serialize_IdleAgentWithoutPort_PortAndExecutionAreNull()
    {
        var agent = SerializeToElement(Snapshot()).GetProperty("agents")[1];

        Assert.Equal("zeta", agent.GetProperty("key").GetString());
        Assert.Equal(JsonValueKind.Null, agent.GetProperty("port").ValueKind);
        Assert.Equal(0, agent.GetProperty("processId").GetInt32());
        Assert.Equal("Idle", agent.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, agent.GetProperty("processStatus").ValueKind);
        Assert.Equal(JsonValueKind.Null, agent.GetProperty("lastLog").ValueKind);
        Assert.Equal(JsonValueKind.Null, agent.GetProperty("execution").ValueKind);
    }

    [Theory]
    [InlineData(AgentState.Idle, "Idle")]
    [InlineData(AgentState.Running, "Running")]
    [InlineData(AgentState.Passed, "Passed")]
    [InlineData(AgentState.Failed, "Failed")]
    [InlineData(AgentState.Incomplete, "Incomplete")]
    [InlineData(AgentState.Unknown, "Unknown")]
    public void Serialize_AgentState_IsTheContractString(AgentState state, string expected)
    {
        var agent = SerializeToElement(IdleAgentWithoutPort with { State = state });

        Assert.Equal(expected, agent.GetProperty("state").GetString());
    }

    [Theory]
    [InlineData(UpstreamState.Starting, "Starting")]
    [InlineData(UpstreamState.Healthy, "Healthy")]
    [InlineData(UpstreamState.Degraded, "Degraded")]
    [InlineData(UpstreamState.Unreachable, "Unreachable")]
    [InlineData(UpstreamState.Unauthorized, "Unauthorized")]
    public void Serialize_UpstreamState_IsTheContractString(UpstreamState state, string expected)
    {
        var health = SerializeToElement(new UpstreamHealth { State = state });

        Assert.Equal(expected, health.GetProperty("state").GetString());
    }

    [Fact]
    public void Serialize_DegradedHealth_ShowsErrorAndFailures()
    {
        var health = SerializeToElement(new UpstreamHealth
        {
            State = UpstreamState.Degraded,
            LastSuccessAt = LastSuccessAt,
            LastError = "The status answer is not valid JSON",
            ConsecutiveFailures = 3,
            Cause = UpstreamCause.Unreadable,
        });

        Assert.Equal("Degraded", health.GetProperty("state").GetString());
        Assert.Equal("The status answer is not valid JSON", health.GetProperty("lastError").GetString());
        Assert.Equal(3, health.GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal("Unreadable", health.GetProperty("cause").GetString());
    }

    [Fact]
    public void Serialize_StartingHealth_LastSuccessAtIsNull()
    {
        var health = SerializeToElement(UpstreamHealth.Starting);

        Assert.Equal("Starting", health.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, health.GetProperty("lastSuccessAt").ValueKind);
    }

    [Fact]
    public void Serialize_Diff_HasContractNamesAndValues()
    {
        var json = SerializeToElement(Diff());

        Assert.Equal(["fromVersion", "toVersion", "observedAt", "upserted", "removed"], Names(json));
        Assert.Equal(42, json.GetProperty("fromVersion").GetInt64());
        Assert.Equal(43, json.GetProperty("toVersion").GetInt64());
        Assert.Equal("2024-03-01T12:00:05.25+00:00", json.GetProperty("observedAt").GetString());
        var upserted = Assert.Single(json.GetProperty("upserted").EnumerateArray());
        Assert.Equal("martin2:5400", upserted.GetProperty("key").GetString());
        Assert.Equal("Running", upserted.GetProperty("state").GetString());
        Assert.Equal("BBCSport", upserted.GetProperty("execution").GetProperty("modelName").GetString());
        Assert.Equal(["zeta", "old:5401"], json.GetProperty("removed").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public void RoundTrip_Snapshot_GivesTheSameBoard()
    {
        var original = Snapshot();

        var copy = JsonSerializer.Deserialize<StatusSnapshot>(JsonSerializer.Serialize(original, Web), Web);

        Assert.NotNull(copy);
        Assert.Equal(original.Version, copy.Version);
        Assert.Equal(original.ObservedAt, copy.ObservedAt);
        Assert.Equal(original.ObservedAt.Offset, copy.ObservedAt.Offset);
        Assert.Equal(original.Health, copy.Health);
        Assert.Equal(original.Agents, copy.Agents);
        Assert.Equal(
            original.Agents[0].Execution?.StartTime?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            copy.Agents[0].Execution?.StartTime?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(JsonSerializer.Serialize(original, Web), JsonSerializer.Serialize(copy, Web));
    }

    [Fact]
    public void RoundTrip_Diff_GivesTheSameChange()
    {
        var original = Diff();

        var copy = JsonSerializer.Deserialize<StatusDiff>(JsonSerializer.Serialize(original, Web), Web);

        Assert.NotNull(copy);
        Assert.Equal(original.FromVersion, copy.FromVersion);
        Assert.Equal(original.ToVersion, copy.ToVersion);
        Assert.Equal(original.ObservedAt, copy.ObservedAt);
        Assert.Equal(original.Upserted, copy.Upserted);
        Assert.Equal(original.Removed, copy.Removed);
        Assert.Equal(JsonSerializer.Serialize(original, Web), JsonSerializer.Serialize(copy, Web));
    }

    [Fact]
    public void RoundTrip_Health_GivesTheSameHealth()
    {
        var original = new UpstreamHealth { State = UpstreamState.Unauthorized, LastSuccessAt = LastSuccessAt, LastError = "401", ConsecutiveFailures = 2 };

        var copy = JsonSerializer.Deserialize<UpstreamHealth>(JsonSerializer.Serialize(original, Web), Web);

        Assert.Equal(original, copy);
    }

    [Fact]
    public void Deserialize_ClientWrittenSnapshot_ReadsStringStates()
    {
        const string json = """
            {"version": 3, "observedAt": "2024-03-01T12:00:05+01:00",
             "health": {"state": "Unreachable", "lastSuccessAt": null, "lastError": "timeout", "consecutiveFailures": 4},
             "agents": [{"key": "a:1", "agentName": "a", "port": 1, "processId": 7, "state": "Failed",
                         "processStatus": null, "lastLog": null, "execution": {"modelName": "M", "status": "Failed", "processId": 7}}]}
            """;

        var snapshot = JsonSerializer.Deserialize<StatusSnapshot>(json, Web);

        Assert.NotNull(snapshot);
        Assert.Equal(UpstreamState.Unreachable, snapshot.Health.State);
        Assert.Equal(4, snapshot.Health.ConsecutiveFailures);
        var agent = Assert.Single(snapshot.Agents);
        Assert.Equal(AgentState.Failed, agent.State);
        Assert.Equal("M", agent.Execution?.ModelName);
        Assert.Equal(TimeSpan.FromHours(1), snapshot.ObservedAt.Offset);
    }
}
