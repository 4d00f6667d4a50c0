namespace SutWeb.History;

/// <summary>The kinds of <see cref="HistoryEvent"/> the contract names.</summary>
public static class AgentEventKinds
{
    public const string Connected = "Connected";
    public const string Disconnected = "Disconnected";
    public const string RunStarted = "RunStarted";
    public const string RunFinished = "RunFinished";
    public const string StateChanged = "StateChanged";
}
