namespace SutWeb.History;

/// <summary>
/// The pause before the next try of the history database after a failure: 1 s, doubling to 30 s, back to 1 s after a
/// success. Short enough to catch up soon after a restart of the database, long enough not to hammer one that is down.
/// </summary>
public sealed class DatabaseRetry
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    private TimeSpan _next = First;

    /// <summary>The pause to wait now; the one after it is twice as long, up to 30 s.</summary>
    public TimeSpan Next()
    {
        var wait = _next;
        _next = _next * 2 > Longest ? Longest : _next * 2;
        return wait;
    }

    /// <summary>A try succeeded: the next failure waits the shortest pause again.</summary>
    public void Reset() => _next = First;
}
