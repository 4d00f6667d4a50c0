using System.Text;
using System.Text.Json;
using SutWeb.Shared.Mapping;
using SutWeb.Shared.Views;
using SutWeb.Shared.Wire;
using static SutWeb.Tests.Shared.WirePayloads;

namespace SutWeb.Tests.Shared;

public sealed class StatusPayloadParserTests
{
    // ---- The vendor's fixtures ----

    [Fact]
    public void Parse_RunningFixture_ReadsEveryDocumentedValue()
    {
        var connection = Assert.Single(StatusPayloadParser.Parse(Fixture("sut-status-running.json")));

        Assert.Equal("martin2", connection.AgentName);
        Assert.Equal(5400, connection.Port);
        Assert.Equal(58914, connection.ProcessId);
        Assert.Equal("Running", connection.ProcessStatus);
        Assert.Equal("Internal Error: Failed to open model input file \"BBCSport\"\r\n\r\n", connection.LastLog);
        var execution = connection.ExecutionStatus;
        Assert.NotNull(execution);
        Assert.Equal("039c7261-9eda-45b3-a74a-441ba039dc09", execution.Id);
        Assert.Equal("BBCSport", execution.ModelName);
        Assert.Equal("", execution.UserName);
        Assert.Equal("2018-06-01T10:06:45.5453590+01:00", Shown(execution.StartTime));
        Assert.Equal(new DateTimeOffset(2018, 6, 1, 9, 6, 45, TimeSpan.Zero).AddTicks(5_453_590), execution.StartTime);
        Assert.Null(execution.EndTime);
        Assert.Equal("model", execution.Type);
        Assert.Equal("martin2", execution.AgentName);
        Assert.Equal("api", execution.Initiator);
        Assert.Null(execution.RunId);
        Assert.Equal("Running", execution.Status);
        Assert.Equal(58914, execution.ProcessId);
    }

    [Fact]
    public void Parse_IdleFixture_ReadsAgentWithoutExecution()
    {
        var connection = Assert.Single(StatusPayloadParser.Parse(Fixture("sut-status-idle.json")));

        Assert.Equal("martin2", connection.AgentName);
        Assert.Equal(5400, connection.Port);
        Assert.Equal(0, connection.ProcessId);
        Assert.Null(connection.ExecutionStatus);
        Assert.Null(connection.ProcessStatus);
        Assert.Null(connection.LastLog);
    }

    [Fact]
    public void Parse_NoPortFixture_ReadsAgentWithoutPort()
    {
        var connection = Assert.Single(StatusPayloadParser.Parse(Fixture("sut-status-no-port.json")));

        Assert.Equal("martin2", connection.AgentName);
        Assert.Null(connection.Port);
        Assert.Equal(58914, connection.ProcessId);
        Assert.Equal("Running", connection.ProcessStatus);
        Assert.Null(connection.LastLog);
        var execution = connection.ExecutionStatus;
        Assert.NotNull(execution);
        Assert.Equal("039c7261-9eda-45b3-a74a-441ba039dc09", execution.Id);
        Assert.Equal("BBCSport", execution.ModelName);
        Assert.Equal("martin.dann@eggplant.io", execution.UserName);
        Assert.Equal("2018-06-01T10:06:45.5453590+01:00", Shown(execution.StartTime));
        Assert.Null(execution.EndTime);
        Assert.Equal("model", execution.Type);
        Assert.Equal("api", execution.Initiator);
        Assert.Null(execution.RunId);
        Assert.Equal("Running", execution.Status);
        Assert.Equal(58914, execution.ProcessId);
    }

    [Fact]
    public void Parse_EmptyArray_ReadsNoAgents()
    {
        Assert.Empty(Parse("[]"));
    }

    [Fact]
    public void Parse_SeveralConnections_KeepsThemAll()
    {
        var connections = Parse("""
            [{"agent_name": "zeta", "port": 5401, "process_id": 1},
             {"agent_name": "alpha", "port": 5400, "process_id": 2}]
            """);

        Assert.Equal(["zeta", "alpha"], connections.Select(c => c.AgentName));
    }

    // ---- The quirks of docs/API.md section 1 ----

    [Theory]
    [InlineData("", null)]
    [InlineData("\"port\": null,", null)]
    [InlineData("\"port\": 5400,", 5400)]
    [InlineData("\"port\": \"5400\",", 5400)]
    public void Parse_Port_ReadsNumberStringOrNothing(string portMember, int? expected)
    {
        var connection = ParseSingle($$"""{"agent_name": "martin2", {{portMember}} "process_id": 0}""");

        Assert.Equal(expected, connection.Port);
    }

    [Fact]
    public void Parse_IdleFieldsMissing_ReadsThemAsNull()
    {
        var connection = ParseSingle("""{"agent_name": "martin2", "port": 5400, "process_id": 0}""");

        Assert.Null(connection.ExecutionStatus);
        Assert.Null(connection.ProcessStatus);
        Assert.Null(connection.LastLog);
    }

    [Fact]
    public void Parse_IdleFieldsExplicitlyNull_ReadsThemAsNull()
    {
        var connection = ParseSingle("""
            {"agent_name": "martin2", "port": 5400, "process_id": 0,
             "execution_status": null, "process_status": null, "last_log": null}
            """);

        Assert.Equal("martin2", connection.AgentName);
        Assert.Null(connection.ExecutionStatus);
        Assert.Null(connection.ProcessStatus);
        Assert.Null(connection.LastLog);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData(", \"process_id\": 58914", 58914)]
    [InlineData(", \"process_id\": \"58914\"", 58914)]
    public void Parse_ConnectionProcessId_ReadsNumberStringOrNothing(string processIdMember, int? expected)
    {
        var connection = ParseSingle($$"""{"agent_name": "martin2", "port": 5400{{processIdMember}}}""");

        Assert.Equal(expected, connection.ProcessId);
    }

    [Theory]
    [InlineData("\"processid\": \"58914\"", 58914)]
    [InlineData("\"processid\": 58914", 58914)]
    [InlineData("\"processid\": \"\"", null)]
    public void Parse_ExecutionProcessId_ReadsNumberStringOrEmpty(string processIdMember, int? expected)
    {
        var execution = ParseExecution($"\"status\": \"Running\", {processIdMember}");

        Assert.Equal(expected, execution.ProcessId);
    }

    [Fact]
    public void Parse_EndTimeNull_ReadsAsNull()
    {
        var execution = ParseExecution("""
            "starttime": "2018-06-01 10:06:45.545359+01", "endtime": null, "status": "Running"
            """);

        Assert.Equal("2018-06-01T10:06:45.5453590+01:00", Shown(execution.StartTime));
        Assert.Null(execution.EndTime);
    }

    [Fact]
    public void Parse_EndTimePresent_ReadsTheInstant()
    {
        var execution = ParseExecution("""
            "starttime": "2018-06-01 10:06:45.545359+01", "endtime": "2018-06-01 10:17:02.1+01", "status": "Passed"
            """);

        Assert.Equal("2018-06-01T10:17:02.1000000+01:00", Shown(execution.EndTime));
    }

    [Fact]
    public void Parse_UserNameEmptyString_KeepsTheEmptyString()
    {
        var execution = ParseExecution("""  "username": "", "status": "Running"  """);

        Assert.Equal("", execution.UserName);
    }

    [Theory]
    [InlineData("\"runid\": null, ", null)]
    [InlineData("", null)]
    [InlineData("\"runid\": \"7f3e2a10-run\", ", "7f3e2a10-run")]
    [InlineData("\"runid\": 1234, ", "1234")]
    public void Parse_RunId_ReadsTextDigitsOrNothing(string runIdMember, string? expected)
    {
        var execution = ParseExecution(runIdMember + "\"status\": \"Passed\"");

        Assert.Equal(expected, execution.RunId);
    }

    [Fact]
    public void Parse_ExecutionIdAsNumber_ReadsTheDigits()
    {
        var execution = ParseExecution("""  "id": 98765, "status": "Passed"  """);

        Assert.Equal("98765", execution.Id);
    }

    [Fact]
    public void Parse_UnknownStatus_KeepsItAsSentAndShowsStateUnknown()
    {
        var connection = ParseSingle("""
            {"agent_name": "martin2", "port": 5400, "process_id": 58914,
             "execution_status": {"status": "Queued (waiting for licence)", "processid": "58914"}}
            """);

        Assert.Equal("Queued (waiting for licence)", connection.ExecutionStatus?.Status);
        var view = AgentViewMapper.ToView(connection, AgentViewLimits.Default);
        Assert.Equal(AgentState.Unknown, view.State);
        Assert.Equal("Queued (waiting for licence)", view.Execution?.Status);
    }

    [Fact]
    public void Parse_UnknownFieldsAtEveryLevel_IgnoresThem()
    {
        var connection = ParseSingle("""
            {"agent_name": "martin2", "port": 5400, "process_id": 58914,
             "licence": {"seat": 3, "tags": ["a", {"b": [1, 2, null]}]},
             "connected_since": "2018-06-01 09:00:00+01",
             "weight": 1.5e3, "flag": true, "nothing": null,
             "execution_status": {
                "status": "Running", "modelname": "BBCSport", "processid": "58914",
                "suite": {"name": "Sport", "steps": [{"n": 1}, {"n": 2}]},
                "priority": 5, "labels": [], "starttime": "2018-06-01 10:06:45.545359+01"
             },
             "process_status": "Running",
             "extra": [[[]]]}
            """);

        Assert.Equal("martin2", connection.AgentName);
        Assert.Equal(5400, connection.Port);
        Assert.Equal(58914, connection.ProcessId);
        Assert.Equal("Running", connection.ProcessStatus);
        Assert.Equal("BBCSport", connection.ExecutionStatus?.ModelName);
        Assert.Equal("Running", connection.ExecutionStatus?.Status);
        Assert.Equal("2018-06-01T10:06:45.5453590+01:00", Shown(connection.ExecutionStatus?.StartTime));
    }

    [Fact]
    public void Parse_LastLogWithCarriageReturnLineFeeds_KeepsThemIntact()
    {
        var connection = ParseSingle("""
            {"agent_name": "martin2", "port": 5400, "process_id": 1,
             "last_log": "line one\r\nline two\r\n\r\n\ttabbed\n"}
            """);

        Assert.Equal("line one\r\nline two\r\n\r\n\ttabbed\n", connection.LastLog);
    }

    [Fact]
    public void Parse_LastLogWithMarkup_KeepsItAsText()
    {
        var connection = ParseSingle("""
            {"agent_name": "martin2", "port": 5400, "process_id": 1,
             "last_log": "<script>alert('x')</script> & <b>bold</b> \u003cimg src=x onerror=y\u003e \"quoted\""}
            """);

        Assert.Equal("<script>alert('x')</script> & <b>bold</b> <img src=x onerror=y> \"quoted\"", connection.LastLog);
    }

    [Fact]
    public void Parse_LastLogOfOneMegabyte_ReadsItIntact()
    {
        var line = "Step 42: clicked <button id=\"ok\"> — état réussi ✓ 🙂\r\n";
        var log = new StringBuilder();
        while (log.Length < 1024 * 1024)
        {
            log.Append(line);
        }
        var expected = log.ToString();
        var json = $$"""[{"agent_name": "martin2", "port": 5400, "process_id": 1, "last_log": {{JsonSerializer.Serialize(expected)}}}]""";

        var connection = Assert.Single(Parse(json));

        Assert.Equal(expected.Length, connection.LastLog?.Length);
        Assert.Equal(expected, connection.LastLog);
    }

    [Fact]
    public void Parse_StringsWithEscapedUnicode_ReadsTheCharacters()
    {
        var connection = ParseSingle("""
            {"agent_name": "m\u00e4rtin-\ud83d\ude00", "port": 5400, "process_id": 1}
            """);

        Assert.Equal("märtin-😀", connection.AgentName);
    }

    // ---- Bad input is an upstream error, never another exception ----

    [Theory]
    [InlineData("Service temporarily unavailable")]
    [InlineData("")]
    [InlineData("  \r\n ")]
    [InlineData("""[{"agent_name": "mart""")]
    [InlineData("""
        <!DOCTYPE html>
        <html><head><title>502 Bad Gateway</title></head>
        <body><h1>Bad Gateway</h1><p>The proxy server received an invalid response.</p></body></html>
        """)]
    [InlineData("""{"agent_name": "martin2", "port": 5400, "process_id": 0}""")]
    [InlineData("null")]
    [InlineData("""[{"agent_name": "martin2", "port": 5400, "process_id": 0}, null]""")]
    [InlineData("[1, 2, 3]")]
    [InlineData("""[{"port": 5400, "process_id": 0}]""")]
    [InlineData("""[{"agent_name": null, "port": 5400, "process_id": 0}]""")]
    [InlineData("""[{"agent_name": "  ", "port": 5400, "process_id": 0}]""")]
    [InlineData("""[{"agent_name": {"first": "martin"}, "port": 5400}]""")]
    [InlineData("""[{"agent_name": "martin2", "port": 5400, "process_id": "abc"}]""")]
    [InlineData("""[{"agent_name": "martin2", "port": 5400, "process_id": 1, "execution_status": {"processid": "58914x"}}]""")]
    [InlineData("""[{"agent_name": "martin2", "port": 123456789012345678901234567890, "process_id": 0}]""")]
    [InlineData("""[{"agent_name": "martin2", "port": 2147483648, "process_id": 0}]""")]
    [InlineData("""[{"agent_name": "martin2", "port": 5400, "process_id": "99999999999999999999"}]""")]
    [InlineData("""[{"agent_name": "martin2", "port": 5400.5, "process_id": 0}]""")]
    [InlineData("""[{"agent_name": "martin2", "port": 5400, "process_id": 1, "execution_status": {"starttime": "yesterday-ish"}}]""")]
    [InlineData("""[{"agent_name": "martin2", "port": 5400, "process_id": 1, "execution_status": {"starttime": "2018-02-30 10:06:45+01"}}]""")]
    [InlineData("""[{"agent_name": "martin2", "port": 5400, "process_id": 1, "execution_status": {"starttime": 1527843405}}]""")]
    [InlineData("""[{"agent_name": "martin2", "port": 5400, "process_id": 1, "execution_status": {"starttime": "0001-01-01 00:30:00+01"}}]""")]
    [InlineData("""[{"agent_name": "martin2", "port": 5400, "process_id": 1, "execution_status": "Running"}]""")]
    [InlineData("""[{"agent_name": "martin2", "port": 5400, "process_id": 1, "last_log": {"lines": []}}]""")]
    [InlineData("""[{"agent_name": "martin2", "port": 5400}] <html>""")]
    [MemberData(nameof(GeneratedBadAnswers), DisableDiscoveryEnumeration = true)]
    public void Parse_BadAnswer_ThrowsStatusPayloadException(string answer)
    {
        Assert.Throws<StatusPayloadException>(() => Parse(answer));
    }

    /// <summary>Bad answers too long or too real to write inline: a fixture cut in half, an error object, deep nesting.</summary>
    public static TheoryData<string> GeneratedBadAnswers()
    {
        var running = Encoding.UTF8.GetString(Fixture("sut-status-running.json"));
        return new TheoryData<string>
        {
            running[..(running.Length / 2)],
            Encoding.UTF8.GetString(Fixture("auth-401.json")),
            $$"""[{"agent_name": "martin2", "port": 5400, "process_id": 1, "extra": {{new string('[', 10_000) + new string(']', 10_000)}}}]""",
            new string('[', 100_000) + new string(']', 100_000),
        };
    }

    [Fact]
    public void Parse_InvalidUtf8_ThrowsStatusPayloadException()
    {
        byte[] body = [.. "[{\"agent_name\": \"mar"u8, 0xC3, 0x28, 0xFF, .. "\", \"port\": 5400}]"u8];

        Assert.Throws<StatusPayloadException>(() => StatusPayloadParser.Parse(body));
    }

    [Fact]
    public void Parse_BadInput_MessageSaysTheAnswerIsUnreadable()
    {
        var error = Assert.Throws<StatusPayloadException>(() => Parse("<html>"));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.DoesNotContain('\n', error.Message);
    }

    // ---- Agent ceiling, counted while splitting ----

    [Fact]
    public void SplitElements_OneMoreThanTheCeiling_FailsAtOnceWithoutReadingTheRest()
    {
        // What follows the third agent is not even JSON: the count stops the split before it.
        var answer = Encoding.UTF8.GetBytes("""[{"agent_name":"a"},{"agent_name":"b"},{"agent_name":"c"}, this is not json""");

        var error = Assert.Throws<StatusPayloadException>(() => StatusPayloadParser.SplitElements(answer, maxAgents: 2));

        Assert.Equal("The server reported more than 2 agent connections, the configured ceiling.", error.Message);
    }

    [Fact]
    public void SplitElements_ExactlyTheCeiling_SplitsThemAll()
    {
        var answer = Encoding.UTF8.GetBytes("""[{"agent_name":"a"},{"agent_name":"b"}]""");

        Assert.Equal(2, StatusPayloadParser.SplitElements(answer, maxAgents: 2).Count);
    }

    [Fact]
    public void IncrementalMap_OverTheCeiling_FailsNamingIt()
    {
        var mapper = new IncrementalAgentViewMapper(new AgentViewLimits { MaxAgents = 2 });
        var answer = Encoding.UTF8.GetBytes("""[{"agent_name":"a"},{"agent_name":"b"},{"agent_name":"c"}, ...""");

        var error = Assert.Throws<StatusPayloadException>(() => mapper.Map(answer));

        Assert.Contains("more than 2 agent connections", error.Message, StringComparison.Ordinal);
    }
}
