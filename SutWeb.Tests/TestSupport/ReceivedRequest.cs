using System.Text;
using System.Text.Json.Nodes;

namespace SutWeb.Tests.TestSupport;

/// <summary>One request a <see cref="RecordingReceiver"/> got, bytes and all, and what it answered.</summary>
public sealed record ReceivedRequest(
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    int AnsweredStatus)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
