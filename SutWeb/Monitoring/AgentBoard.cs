using System.Threading.Channels;
using SutWeb.Shared.Diffing;
using SutWeb.Shared.Views;

namespace SutWeb.Monitoring;

/// <summary>
/// The one source of truth: the current agents, their version and upstream health. The poller publishes to it;
/// components and the hub start from <see cref="Current"/> (or a <see cref="Subscribe"/> snapshot) and apply updates,
/// one by one or in batches (<see cref="BoardSubscription.ReadBatchesAsync"/>) gathered on <see cref="TimeProvider"/>.
/// </summary>
/// <param name="timeProvider">The clock that times batches; the system clock when none is given.</param>
public sealed class AgentBoard(TimeProvider timeProvider)
{
    /// <summary>Updates a subscriber may lag behind before the oldest are dropped (it then resynchronises).</summary>
    public const int SubscriberQueueCapacity = 256;

    /// <summary>How long a batch gathers the updates that follow its first: a burst of diffs becomes one render.</summary>
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(100);

    public AgentBoard()
        : this(TimeProvider.System)
    {
    }

    private readonly Lock _gate = new();
    private readonly List<BoardSubscription> _subscribers = [];
    private StatusSnapshot _current = new() { Version = 0, Health = UpstreamHealth.Starting, Agents = [] };

    public StatusSnapshot Current => Volatile.Read(ref _current);

    internal TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>Open subscriptions: live components and the hub's broadcaster. One that only grows would be a leak.</summary>
    public int Subscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>A consistent snapshot and every update after it, with nothing missed in between.</summary>
    public BoardSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<BoardUpdate>(new BoundedChannelOptions(SubscriberQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        });
        lock (_gate)
        {
            var subscription = new BoardSubscription(this, _current, channel);
            _subscribers.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Replaces the agents with a new poll's result, in ordinal key order (as the mapper gives them).</summary>
    /// <returns>The diff it made, or null when nothing changed (no new version then, except the very first).</returns>
    public StatusDiff? PublishAgents(IReadOnlyList<AgentView> agents, DateTimeOffset observedAt)
    {
        lock (_gate)
        {
            var diff = StatusDiffer.Diff(_current.Agents, agents, _current.Version, observedAt);
            // Version 1 marks the first successful poll, even when it finds no agents.
            if (diff is null && _current.Version == 0)
            {
                diff = new StatusDiff { FromVersion = 0, ToVersion = 1, ObservedAt = observedAt, Upserted = [], Removed = [] };
            }
            if (diff is null)
            {
                Volatile.Write(ref _current, _current with { ObservedAt = observedAt });
                return null;
            }
            Volatile.Write(ref _current, _current with { Version = diff.ToVersion, ObservedAt = observedAt, Agents = agents });
            Broadcast(new BoardUpdate(diff, null, agents));
            return diff;
        }
    }

    /// <summary>Sets upstream health; subscribers hear of it only when it differs from the current one.</summary>
    public void PublishHealth(UpstreamHealth health)
    {
        lock (_gate)
        {
            if (health.Equals(_current.Health))
            {
                return;
            }
            Volatile.Write(ref _current, _current with { Health = health });
            Broadcast(new BoardUpdate(null, health));
        }
    }

    private void Broadcast(BoardUpdate update)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.TryWrite(update);
        }
    }

    internal void Unsubscribe(BoardSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }
}
