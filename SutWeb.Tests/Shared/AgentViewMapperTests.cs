using SutWeb.Shared.Mapping;
using SutWeb.Shared.Views;
using SutWeb.Shared.Wire;
using static SutWeb.Tests.Shared.WirePayloads;

namespace SutWeb.Tests.Shared;

public sealed class AgentViewMapperTests
{
    private static AgentConnection Agent(string name, int? port = 5400, string? status = null, bool running = false, string? log = null) =>
        new()
        {
            AgentName = name,
            Port = port,
            ProcessId = running ? 58914 : 0,
            ExecutionStatus = running ? new ExecutionStatus { Status = status, ModelName = "BBCSport", ProcessId = 58914 } : null,
            ProcessStatus = running ? "Running" : null,
            LastLog = log,
        };

    private static AgentView Single(AgentConnection connection, AgentViewLimits? limits = null) =>
        Assert.Single(AgentViewMapper.ToViews([connection], limits ?? AgentViewLimits.Default));

    // ---- State ----

    [Fact]
    public void ToViews_NoExecution_StateIsIdle()
    {
        var view = Single(Agent("martin2"));

        Assert.Equal(AgentState.Idle, view.State);
        Assert.Null(view.Execution);
    }

    [Theory]
    [InlineData("Running", AgentState.Running)]
    [InlineData("running", AgentState.Running)]
    [InlineData("RUNNING", AgentState.Running)]
    [InlineData(" Running ", AgentState.Running)]
    [InlineData("Passed", AgentState.Passed)]
    [InlineData("passed", AgentState.Passed)]
    [InlineData("Failed", AgentState.Failed)]
    [InlineData("FAILED", AgentState.Failed)]
    [InlineData("Incomplete", AgentState.Incomplete)]
    [InlineData("incomplete", AgentState.Incomplete)]
    public void ToViews_DocumentedStatus_StateFollowsItIgnoringCase(string status, AgentState expected)
    {
        var view = Single(Agent("martin2", status: status, running: true));

        Assert.Equal(expected, view.State);
        Assert.Equal(status, view.Execution?.Status);
    }

    [Theory]
    [InlineData("Queued")]
    [InlineData("Aborted")]
    [InlineData("")]
    [InlineData("Runningish")]
    public void ToViews_OtherStatus_StateIsUnknownAndStatusKeptAsSent(string status)
    {
        var view = Single(Agent("martin2", status: status, running: true));

        Assert.Equal(AgentState.Unknown, view.State);
        Assert.Equal(status, view.Execution?.Status);
    }

    [Fact]
    public void ToViews_ExecutionWithoutStatus_StateIsUnknown()
    {
        var view = Single(Agent("martin2", status: null, running: true));

        Assert.Equal(AgentState.Unknown, view.State);
        Assert.NotNull(view.Execution);
    }

    [Fact]
    public void ToViews_RunningFixture_ShowsEverythingTheServerSent()
    {
        var view = Assert.Single(AgentViewMapper.ToViews(StatusPayloadParser.Parse(Fixture("sut-status-running.json")), AgentViewLimits.Default));

        Assert.Equal("martin2:5400", view.Key);
        Assert.Equal("martin2", view.AgentName);
        Assert.Equal(5400, view.Port);
        Assert.Equal(58914, view.ProcessId);
        Assert.Equal(AgentState.Running, view.State);
        Assert.Equal("Running", view.ProcessStatus);
        Assert.Equal("Internal Error: Failed to open model input file \"BBCSport\"\r\n\r\n", view.LastLog);
        Assert.False(view.LastLogTruncated);
        var execution = view.Execution;
        Assert.NotNull(execution);
        Assert.Equal("039c7261-9eda-45b3-a74a-441ba039dc09", execution.Id);
        Assert.Equal("BBCSport", execution.ModelName);
        Assert.Equal("", execution.UserName);
        Assert.Equal("2018-06-01T10:06:45.5453590+01:00", Shown(execution.StartTime));
        Assert.Null(execution.EndTime);
        Assert.Equal("model", execution.Type);
        Assert.Equal("martin2", execution.AgentName);
        Assert.Equal("api", execution.Initiator);
        Assert.Null(execution.RunId);
        Assert.Equal("Running", execution.Status);
        Assert.Equal(58914, execution.ProcessId);
    }

    [Fact]
    public void ToViews_IdleFixture_ShowsIdleAgent()
    {
        var view = Assert.Single(AgentViewMapper.ToViews(StatusPayloadParser.Parse(Fixture("sut-status-idle.json")), AgentViewLimits.Default));

        Assert.Equal("martin2:5400", view.Key);
        Assert.Equal(AgentState.Idle, view.State);
        Assert.Equal(0, view.ProcessId);
        Assert.Null(view.ProcessStatus);
        Assert.Null(view.LastLog);
        Assert.Null(view.Execution);
    }

    [Fact]
    public void ToViews_ProcessIdMissing_ShowsZero()
    {
        var view = Single(new AgentConnection { AgentName = "martin2", Port = 5400 });

        Assert.Equal(0, view.ProcessId);
    }

    // ---- Keys ----

    [Fact]
    public void ToViews_WithPort_KeyIsNameColonPort()
    {
        Assert.Equal("martin2:5400", Single(Agent("martin2", port: 5400)).Key);
    }

    [Fact]
    public void ToViews_WithoutPort_KeyIsNameAlone()
    {
        var view = Single(Agent("martin2", port: null));

        Assert.Equal("martin2", view.Key);
        Assert.Null(view.Port);
    }

    [Fact]
    public void ToViews_NoPortFixture_KeyIsNameAlone()
    {
        var view = Assert.Single(AgentViewMapper.ToViews(StatusPayloadParser.Parse(Fixture("sut-status-no-port.json")), AgentViewLimits.Default));

        Assert.Equal("martin2", view.Key);
        Assert.Equal(AgentState.Running, view.State);
    }

    [Fact]
    public void AgentKeys_For_FollowsTheContract()
    {
        Assert.Equal("martin2:5400", AgentKeys.For("martin2", 5400));
        Assert.Equal("martin2:0", AgentKeys.For("martin2", 0));
        Assert.Equal("martin2", AgentKeys.For("martin2", null));
    }

    [Fact]
    public void ToViews_SameNameDifferentPorts_AreTwoAgents()
    {
        var views = AgentViewMapper.ToViews([Agent("martin2", 5401), Agent("martin2", 5400)], AgentViewLimits.Default);

        Assert.Equal(["martin2:5400", "martin2:5401"], views.Select(v => v.Key));
    }

    [Fact]
    public void ToViews_DuplicateConnections_GetDistinctKeys()
    {
        var views = AgentViewMapper.ToViews(
            [Agent("martin2", 5400), Agent("martin2", 5400, "Running", running: true), Agent("martin2", 5400)],
            AgentViewLimits.Default);

        Assert.Equal(3, views.Count);
        Assert.Equal(3, views.Select(v => v.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(views, v => Assert.StartsWith("martin2:5400", v.Key, StringComparison.Ordinal));
        Assert.All(views, v => Assert.Equal("martin2", v.AgentName));
        Assert.Contains(views, v => v.State == AgentState.Running);
    }

    [Fact]
    public void ToViews_DuplicateConnectionsListedInAnotherOrder_KeepTheirKeys()
    {
        var idle = Agent("martin2", 5400);
        var running = Agent("martin2", 5400, "Running", running: true);

        var first = AgentViewMapper.ToViews([running, idle], AgentViewLimits.Default);
        var second = AgentViewMapper.ToViews([idle, running], AgentViewLimits.Default);

        Assert.Equal(first, second);
        Assert.Equal(AgentState.Idle, first.Single(v => v.Key == "martin2:5400").State);
        Assert.Equal(AgentState.Running, first.Single(v => v.Key == "martin2:5400#2").State);
    }

    [Fact]
    public void ToViews_DuplicateConnectionsWithoutPort_GetDistinctKeys()
    {
        var views = AgentViewMapper.ToViews([Agent("martin2", null), Agent("martin2", null)], AgentViewLimits.Default);

        Assert.Equal(2, views.Select(v => v.Key).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ToViews_NameThatLooksLikeAnotherKey_KeysStayUnique()
    {
        // "a" on port 1 and an agent literally named "a:1" without a port would share the key "a:1".
        var views = AgentViewMapper.ToViews(
            [Agent("a", 1), Agent("a:1", null), Agent("a:1#2", null), Agent("a", 1)],
            AgentViewLimits.Default);

        Assert.Equal(4, views.Select(v => v.Key).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ToViews_LiteralNumberedKeyAmongDuplicates_KeepsItsKeyAndTheDuplicateSkipsIt()
    {
        var views = AgentViewMapper.ToViews(
            [Agent("a", 1), Agent("a:1#2", null), Agent("a", 1)],
            AgentViewLimits.Default);

        Assert.Equal(["a:1", "a:1#2", "a:1#3"], views.Select(v => v.Key));
        Assert.Equal("a:1#2", views[1].AgentName);
    }

    [Fact]
    public void ToViews_TwentyThousandDuplicatesOfOneKey_AreNumberedTwoToTwentyThousandByProcessId()
    {
        // Listed in a shuffled order; the numbering follows the process id. A quadratic numbering passes too, slowly:
        // docs/PERFORMANCE.md has the time of this input.
        const int count = 20_000;
        var processIds = Enumerable.Range(1, count).ToArray();
        new Random(9).Shuffle(processIds);
        var connections = processIds.Select(pid => new AgentConnection { AgentName = "martin2", Port = 5400, ProcessId = pid }).ToList();

        var views = AgentViewMapper.ToViews(connections, AgentViewLimits.Default);

        Assert.Equal(count, views.Count);
        Assert.Equal(count, views.Select(v => v.Key).Distinct(StringComparer.Ordinal).Count());
        var byProcessId = views.ToDictionary(v => v.ProcessId, v => v.Key);
        Assert.Equal("martin2:5400", byProcessId[1]);
        Assert.All(Enumerable.Range(2, count - 1), pid => Assert.Equal($"martin2:5400#{pid}", byProcessId[pid]));
        Assert.Equal(views.Select(v => v.Key).Order(StringComparer.Ordinal), views.Select(v => v.Key));
    }

    // ---- Order ----

    [Fact]
    public void ToViews_AnyInputOrder_ViewsAreInOrdinalKeyOrder()
    {
        var views = AgentViewMapper.ToViews(
            [Agent("beta"), Agent("Zulu"), Agent("alpha", null), Agent("éclair"), Agent("alpha"), Agent("_under"), Agent("Alpha"), Agent("10"), Agent("9")],
            AgentViewLimits.Default);

        Assert.Equal(
            ["10:5400", "9:5400", "Alpha:5400", "Zulu:5400", "_under:5400", "alpha", "alpha:5400", "beta:5400", "éclair:5400"],
            views.Select(v => v.Key));
    }

    [Fact]
    public void ToViews_NoConnections_NoViews()
    {
        Assert.Empty(AgentViewMapper.ToViews([], AgentViewLimits.Default));
    }

    // ---- Log cap ----

    [Fact]
    public void ToViews_LogOverCap_KeepsTheEndAndMarksTruncated()
    {
        var view = Single(Agent("martin2", log: "first line\r\nsecond line\r\nthe error"), new AgentViewLimits { MaxLogChars = 20 });

        Assert.Equal("cond line\r\nthe error", view.LastLog);
        Assert.True(view.LastLogTruncated);
    }

    [Fact]
    public void ToViews_LogOneOverCap_DropsOnlyTheFirstCharacter()
    {
        var view = Single(Agent("martin2", log: "0123456789"), new AgentViewLimits { MaxLogChars = 9 });

        Assert.Equal("123456789", view.LastLog);
        Assert.True(view.LastLogTruncated);
    }

    [Fact]
    public void ToViews_LogUnderCap_IsUntouched()
    {
        var view = Single(Agent("martin2", log: "short\r\n<b>log</b>"), new AgentViewLimits { MaxLogChars = 100 });

        Assert.Equal("short\r\n<b>log</b>", view.LastLog);
        Assert.False(view.LastLogTruncated);
    }

    [Fact]
    public void ToViews_LogExactlyAtCap_IsUntouched()
    {
        var view = Single(Agent("martin2", log: "0123456789"), new AgentViewLimits { MaxLogChars = 10 });

        Assert.Equal("0123456789", view.LastLog);
        Assert.False(view.LastLogTruncated);
    }

    [Fact]
    public void ToViews_NoLog_StaysNullAndNotTruncated()
    {
        var view = Single(Agent("martin2", log: null), new AgentViewLimits { MaxLogChars = 1 });

        Assert.Null(view.LastLog);
        Assert.False(view.LastLogTruncated);
    }

    [Fact]
    public void ToViews_CapFallsInsideSurrogatePair_DoesNotKeepHalfACharacter()
    {
        // "😀" is two UTF-16 units; a cut of 3 units from the end would start in its middle.
        var view = Single(Agent("martin2", log: "ab😀cd"), new AgentViewLimits { MaxLogChars = 3 });

        Assert.Equal("cd", view.LastLog);
        Assert.True(view.LastLogTruncated);
    }

    [Fact]
    public void ToViews_CapOfZero_KeepsNothingAndMarksTruncated()
    {
        var view = Single(Agent("martin2", log: "anything"), new AgentViewLimits { MaxLogChars = 0 });

        Assert.Equal("", view.LastLog);
        Assert.True(view.LastLogTruncated);
    }

    [Fact]
    public void ToViews_DefaultCapWithOneMegabyteLog_KeepsTheLast64KiB()
    {
        var log = new string('x', 1024 * 1024 - 5) + "FINAL";

        var view = Single(Agent("martin2", log: log));

        Assert.Equal(64 * 1024, view.LastLog?.Length);
        Assert.EndsWith("xxFINAL", view.LastLog, StringComparison.Ordinal);
        Assert.True(view.LastLogTruncated);
    }

    // ---- Field cap ----

    [Fact]
    public void ToViews_EveryTextFieldOverCap_IsCutWithAnEllipsis()
    {
        var limits = new AgentViewLimits { MaxFieldChars = 20 };
        var text = new string('x', 10_000);
        var connection = new AgentConnection
        {
            AgentName = "agent-" + text,
            Port = 5400,
            ProcessId = 1,
            ProcessStatus = "status-" + text,
            LastLog = "short log",
            ExecutionStatus = new ExecutionStatus
            {
                Id = "id-" + text,
                ModelName = "model-" + text,
                UserName = "user-" + text,
                Type = "type-" + text,
                AgentName = "agent-" + text,
                Initiator = "initiator-" + text,
                RunId = "run-" + text,
                Status = "status-" + text,
                ProcessId = 1,
            },
        };

        var view = Single(connection, limits);

        var execution = view.Execution!;
        string?[] fields =
        [
            view.AgentName, view.ProcessStatus, execution.Id, execution.ModelName, execution.UserName, execution.Type,
            execution.AgentName, execution.Initiator, execution.RunId, execution.Status,
        ];
        Assert.All(fields, field =>
        {
            Assert.Equal(20, field!.Length);
            Assert.EndsWith("x…", field, StringComparison.Ordinal);
        });
        Assert.Equal("agent-xxxxxxxxxxxxx…", view.AgentName);
        Assert.Equal("agent-xxxxxxxxxxxxx…:5400", view.Key);
        Assert.Equal("model-xxxxxxxxxxxxx…", execution.ModelName);
        Assert.Equal(AgentState.Unknown, view.State);
        Assert.Equal("short log", view.LastLog);
    }

    [Fact]
    public void ToViews_FieldsAtCap_AreUntouched()
    {
        var view = Single(Agent(new string('n', 256), status: new string('s', 256), running: true));

        Assert.Equal(new string('n', 256), view.AgentName);
        Assert.Equal(new string('s', 256), view.Execution?.Status);
    }

    [Fact]
    public void ToViews_DefaultFieldCap_Keeps256Characters()
    {
        var view = Single(Agent(new string('n', 257)));

        Assert.Equal(new string('n', 255) + "…", view.AgentName);
    }

    [Fact]
    public void ToViews_FieldCutInsideSurrogatePair_DoesNotKeepHalfACharacter()
    {
        // With a cap of 20, 19 units are kept before the ellipsis; the 19th is the first half of "😀".
        var view = Single(Agent(new string('a', 18) + "😀" + "tail"), new AgentViewLimits { MaxFieldChars = 20 });

        Assert.Equal(new string('a', 18) + "…", view.AgentName);
        Assert.DoesNotContain(view.AgentName, char.IsSurrogate);
    }

    [Fact]
    public void ToViews_LongLog_IsNotCutByTheFieldCap()
    {
        var view = Single(Agent("martin2", log: new string('l', 1000)), new AgentViewLimits { MaxFieldChars = 20 });

        Assert.Equal(1000, view.LastLog?.Length);
        Assert.False(view.LastLogTruncated);
    }

    // ---- Agent ceiling ----

    [Fact]
    public void ToViews_MoreAgentsThanCeiling_ThrowsNamingTheCeiling()
    {
        var connections = Enumerable.Range(0, 4).Select(i => Agent($"agent{i}")).ToList();

        var error = Assert.Throws<StatusPayloadException>(() => AgentViewMapper.ToViews(connections, new AgentViewLimits { MaxAgents = 3 }));

        Assert.Contains("3", error.Message, StringComparison.Ordinal);
        Assert.Contains("4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToViews_ExactlyCeilingAgents_MapsThemAll()
    {
        var connections = Enumerable.Range(0, 3).Select(i => Agent($"agent{i}")).ToList();

        Assert.Equal(3, AgentViewMapper.ToViews(connections, new AgentViewLimits { MaxAgents = 3 }).Count);
    }

    [Fact]
    public void ToViews_OverDefaultCeiling_ThrowsNamingTwentyThousand()
    {
        var connections = Enumerable.Range(0, 20_001).Select(i => Agent($"agent{i}")).ToList();

        var error = Assert.Throws<StatusPayloadException>(() => AgentViewMapper.ToViews(connections, AgentViewLimits.Default));

        Assert.Contains("20000", error.Message.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
