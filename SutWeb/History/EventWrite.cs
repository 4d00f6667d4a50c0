namespace SutWeb.History;

/// <summary>An agent event the recorder saw on the board (connected, disconnected, state changed).</summary>
public sealed record EventWrite(string Source, DateTimeOffset At, string AgentName, int? Port, string Kind, string State, string? ExecutionId)
    : HistoryWrite(Source, At)
{
    public HistoryEvent ToRow() => new()
    {
        At = At,
        Source = Source,
        AgentName = AgentName,
        Port = Port,
        Kind = Kind,
        State = State,
        ExecutionId = ExecutionId,
    };
}
