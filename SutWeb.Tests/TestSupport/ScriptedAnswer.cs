namespace SutWeb.Tests.TestSupport;

/// <summary>What a <see cref="RecordingReceiver"/> answers to one request.</summary>
public sealed record ScriptedAnswer(int Status, IReadOnlyDictionary<string, string>? Headers = null, string? Body = null)
{
    public static ScriptedAnswer Ok { get; } = new(200);
}
