namespace SutWeb.Components.Notifications;

/// <summary>
/// At most one "send test" per channel every <see cref="Interval"/>, whoever asks (one for the whole server, not per
/// page): a viewer, or many open pages, cannot flood a team's channel with test messages.
/// </summary>
public sealed class ChannelTestLimiter(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _last = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Takes the channel's turn now if it is free; else how long until it is.</summary>
    public bool TryTake(string channel, out TimeSpan wait)
    {
        lock (_gate)
        {
            wait = WaitLocked(channel);
            if (wait > TimeSpan.Zero)
            {
                return false;
            }
            _last[channel] = time.GetUtcNow();
            return true;
        }
    }

    /// <summary>How long until the channel may be tested again; zero when it may now.</summary>
    public TimeSpan Wait(string channel)
    {
        lock (_gate)
        {
            return WaitLocked(channel);
        }
    }

    private TimeSpan WaitLocked(string channel) =>
        _last.TryGetValue(channel, out var last) && last + Interval - time.GetUtcNow() is var wait && wait > TimeSpan.Zero
            ? wait
            : TimeSpan.Zero;
}
