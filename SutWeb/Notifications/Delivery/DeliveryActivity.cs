using System.Collections.Concurrent;

namespace SutWeb.Notifications.Delivery;

/// <summary>
/// What each channel's sender is doing now: waiting (until when) or at work. Written by the channel workers; read by
/// the page ("next attempt at") and by tests, which move a fake clock only once a worker waits on it.
/// </summary>
public sealed class DeliveryActivity
{
    private readonly ConcurrentDictionary<string, (bool IsWaiting, DateTimeOffset? Until)> _waits = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The channel's worker waits for a new delivery (<paramref name="until"/> null) or until a retry is due.</summary>
    public void Waiting(string channel, DateTimeOffset? until) => _waits[channel] = (true, until);

    public void Working(string channel) => _waits[channel] = (false, null);

    /// <summary>Whether the channel's worker is waiting now; <paramref name="until"/> is when it wakes (null: when a delivery comes).</summary>
    public bool IsWaiting(string channel, out DateTimeOffset? until)
    {
        if (_waits.TryGetValue(channel, out var wait) && wait.IsWaiting)
        {
            until = wait.Until;
            return true;
        }
        until = null;
        return false;
    }
}
