using System.Text.Json;

namespace SutWeb.Shared.Wire;

/// <summary>Reads the body of <c>POST /api/sut/status</c>, tolerating every documented quirk and rejecting the rest.</summary>
public static class StatusPayloadParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 32 };

    public static IReadOnlyList<AgentConnection> Parse(ReadOnlySpan<byte> utf8Json, int maxAgents = int.MaxValue)
    {
        var elements = SplitElements(utf8Json, maxAgents);
        var result = new List<AgentConnection>(elements.Count);
        foreach (var element in elements)
        {
            result.Add(ParseElement(utf8Json[element]));
        }
        return result;
    }

    /// <summary>
    /// Where each agent connection lies in the answer, after checking that the answer is one well-formed JSON array.
    /// The elements themselves are read by <see cref="ParseElement"/>, so that unchanged ones need not be read again.
    /// More than <paramref name="maxAgents"/> elements is an upstream error as soon as the one too many is met: the
    /// rest of the answer is neither split nor checked.
    /// </summary>
    public static IReadOnlyList<Range> SplitElements(ReadOnlySpan<byte> utf8Json, int maxAgents = int.MaxValue)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        var elements = new List<Range>();
        try
        {
            if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
            {
                throw new StatusPayloadException("The status answer is empty or null instead of a list of agent connections.");
            }
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new StatusPayloadException($"The status answer is not valid JSON in the expected shape: a list was expected, not {reader.TokenType}.");
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (elements.Count == maxAgents)
                {
                    throw new StatusPayloadException(
                        $"The server reported more than {maxAgents} agent connections, the configured ceiling.");
                }
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                elements.Add(start..(int)reader.BytesConsumed);
            }
            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                throw new StatusPayloadException("The status answer is not valid JSON in the expected shape: it does not end with the list.");
            }
        }
        catch (JsonException e)
        {
            throw new StatusPayloadException($"The status answer is not valid JSON in the expected shape: {FirstLine(e.Message)}", e);
        }
        return elements;
    }

    /// <summary>One agent connection: an object with an <c>agent_name</c>, every field read with the documented tolerance.</summary>
    public static AgentConnection ParseElement(ReadOnlySpan<byte> utf8Json)
    {
        AgentConnection? connection;
        try
        {
            connection = JsonSerializer.Deserialize(utf8Json, EggplantJsonContext.Default.AgentConnection);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new StatusPayloadException($"The status answer is not valid JSON in the expected shape: {FirstLine(e.Message)}", e);
        }
        if (connection is null)
        {
            throw new StatusPayloadException("The status answer contains null where an agent connection belongs.");
        }
        if (string.IsNullOrWhiteSpace(connection.AgentName))
        {
            throw new StatusPayloadException("The status answer contains an agent connection without an agent_name.");
        }
        return connection;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
