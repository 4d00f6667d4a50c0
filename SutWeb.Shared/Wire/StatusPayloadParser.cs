using System.Text.Json;

namespace SutWeb.Shared.Wire;

/// <summary>Reads the body of <c>POST /api/sut/status</c>, tolerating every documented quirk and rejecting the rest.</summary>
public static class StatusPayloadParser
{
    public static IReadOnlyList<AgentConnection> Parse(ReadOnlySpan<byte> utf8Json)
    {
        List<AgentConnection?>? connections;
        try
        {
            connections = JsonSerializer.Deserialize(utf8Json, NullableListContext.Default.ListAgentConnection);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new StatusPayloadException($"The status answer is not valid JSON in the expected shape: {FirstLine(e.Message)}", e);
        }
        if (connections is null)
        {
            throw new StatusPayloadException("The status answer is null instead of a list of agent connections.");
        }
        var result = new List<AgentConnection>(connections.Count);
        foreach (var connection in connections)
        {
            if (connection is null)
            {
                throw new StatusPayloadException("The status answer contains null where an agent connection belongs.");
            }
            if (string.IsNullOrWhiteSpace(connection.AgentName))
            {
                throw new StatusPayloadException("The status answer contains an agent connection without an agent_name.");
            }
            result.Add(connection);
        }
        return result;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
