namespace SutWeb.History;

/// <summary>
/// What one source's board holds at <see cref="HistoryWrite.At"/>, when the recorder may have missed changes: at the
/// source's first answer in this life, and after writes were dropped. The writer closes as Lost the runs stored as
/// running that are not running on the board, and writes the connects and disconnects that history lacks.
/// </summary>
public sealed record ReconcileWrite(
    string Source,
    DateTimeOffset At,
    IReadOnlyList<BoardAgent> Agents,
    IReadOnlySet<string> RunningExecutionIds) : HistoryWrite(Source, At);
