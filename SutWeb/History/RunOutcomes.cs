namespace SutWeb.History;

/// <summary>A run's outcome: the documented statuses in the contract's spelling, <see cref="Lost"/>, or a status as the server sent it.</summary>
public static class RunOutcomes
{
    public const string Running = "Running";
    public const string Passed = "Passed";
    public const string Failed = "Failed";
    public const string Incomplete = "Incomplete";

    /// <summary>Under way when its agent disconnected or SutWeb stopped (or replaced by another run between two polls), never seen to finish.</summary>
    public const string Lost = "Lost";

    /// <summary>What a status without a value is stored as.</summary>
    public const string Unknown = "Unknown";

    /// <summary>The contract keeps the end of the last log, at most 4 KiB.</summary>
    public const int MaxLastLogChars = 4096;

    public static string From(string? status) => status?.Trim() switch
    {
        null or "" => Unknown,
        var s when s.Equals(Running, StringComparison.OrdinalIgnoreCase) => Running,
        var s when s.Equals(Passed, StringComparison.OrdinalIgnoreCase) => Passed,
        var s when s.Equals(Failed, StringComparison.OrdinalIgnoreCase) => Failed,
        var s when s.Equals(Incomplete, StringComparison.OrdinalIgnoreCase) => Incomplete,
        var s => s,
    };

    public static bool IsRunning(string outcome) => outcome == Running;

    /// <summary>The end of <paramref name="log"/>, where the latest lines are.</summary>
    public static string? Tail(string? log)
    {
        if (log is not { Length: > MaxLastLogChars })
        {
            return log;
        }
        var start = log.Length - MaxLastLogChars;
        // Never begin with the second half of a surrogate pair.
        return char.IsLowSurrogate(log[start]) ? log[(start + 1)..] : log[start..];
    }
}
