using System.Globalization;
using System.Text;
using SutWeb.Shared.Wire;

namespace SutWeb.Tests.Shared;

/// <summary>Builds status answers the way an Eggplant server sends them, and reads the vendor fixtures.</summary>
internal static class WirePayloads
{
    public static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static IReadOnlyList<AgentConnection> Parse(string json) =>
        StatusPayloadParser.Parse(Encoding.UTF8.GetBytes(json));

    /// <summary>Parses an answer holding one connection and returns it.</summary>
    public static AgentConnection ParseSingle(string connectionJson) =>
        Assert.Single(Parse("[" + connectionJson + "]"));

    /// <summary>Parses an answer holding one running agent whose <c>execution_status</c> has the given members.</summary>
    public static ExecutionStatus ParseExecution(string executionMembers)
    {
        var connection = ParseSingle(
            """{"agent_name": "martin2", "port": 5400, "process_id": 58914, "execution_status": {""" + executionMembers + "}}");
        Assert.NotNull(connection.ExecutionStatus);
        return connection.ExecutionStatus;
    }

    /// <summary>The instant and the offset exactly, as the round-trip format shows them.</summary>
    public static string Shown(DateTimeOffset? time) =>
        time?.ToString("O", CultureInfo.InvariantCulture) ?? "(none)";
}
