namespace SutWeb.History;

/// <summary>
/// At start: the sources configured now. Runs left running by the last life on any other source will never be seen
/// again, so they are closed as Lost.
/// </summary>
public sealed record RetireSourcesWrite(DateTimeOffset At, IReadOnlySet<string> Configured) : HistoryWrite("", At);
