using System.Threading.Channels;
using SutWeb.Shared.Diffing;
using SutWeb.Shared.Mapping;
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
    private readonly List<SourceHealth> _sources = [];
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

    /// <summary>Replaces the agents of the source <c>default</c> with a new poll's result.</summary>
    /// <returns>The diff it made, or null when nothing changed (no new version then, except the very first).</returns>
    public StatusDiff? PublishAgents(IReadOnlyList<AgentView> agents, DateTimeOffset observedAt) =>
        PublishAgents(AgentKeys.DefaultSource, agents, observedAt);

    /// <summary>
    /// Replaces one source's agents with its new poll's result, in ordinal key order (as the mapper gives them); the
    /// other sources' agents stay as they are, and the diff covers this source's keys only.
    /// </summary>
    /// <returns>The diff it made, or null when nothing changed (no new version then, except the very first).</returns>
    public StatusDiff? PublishAgents(string source, IReadOnlyList<AgentView> agents, DateTimeOffset observedAt)
    {
        lock (_gate)
        {
            // One source (the usual case): no split, no merge, as before sources existed.
            IReadOnlyList<AgentView> before = _current.Agents;
            var others = new List<AgentView>();
            if (!_current.Agents.All(a => a.Source == source))
            {
                var own = new List<AgentView>();
                foreach (var agent in _current.Agents)
                {
                    (agent.Source == source ? own : others).Add(agent);
                }
                before = own;
            }
            var diff = StatusDiffer.Diff(before, agents, _current.Version, observedAt);
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
            var merged = others.Count == 0 ? agents : Merge(others, agents);
            Volatile.Write(ref _current, _current with { Version = diff.ToVersion, ObservedAt = observedAt, Agents = merged });
            Broadcast(new BoardUpdate(diff, null, merged));
            return diff;
        }
    }

    /// <summary>
    /// Sets one source's health. With one source (<c>default</c>) the board's health is that one's, unchanged; with several
    /// it is their combination (<see cref="SourceHealths.Combine"/>), <c>default</c> first, then by id.
    /// </summary>
    public void PublishHealth(string source, string sourceName, UpstreamHealth health)
    {
        lock (_gate)
        {
            var entry = SutWeb.Shared.Views.SourceHealth.From(source, sourceName, health);
            if (_sources.FindIndex(s => s.Source == source) is var index and >= 0)
            {
                _sources[index] = entry;
            }
            else
            {
                // A stable order whoever answers first: default, then by id, so that lists on screen do not reshuffle.
                var at = _sources.FindIndex(s => CompareSources(source, s.Source) < 0);
                _sources.Insert(at < 0 ? _sources.Count : at, entry);
            }
            SetHealth(_sources is [{ Source: AgentKeys.DefaultSource }] ? health : SourceHealths.Combine([.. _sources]));
        }
    }

    /// <summary>
    /// A follower's copy of a diff the leader made (scale-out): the same versions as the leader's, and subscribers see
    /// the same update a local poll gives. A diff that does not start at this board's version is a gap.
    /// </summary>
    /// <returns>Whether it applied; false on a gap (the replica then takes the leader's snapshot).</returns>
    public bool ApplyReplicated(StatusDiff diff)
    {
        lock (_gate)
        {
            if (diff.FromVersion != _current.Version)
            {
                return false;
            }
            var agents = StatusDiffApplier.Apply(_current.Agents, diff);
            Volatile.Write(ref _current, _current with { Version = diff.ToVersion, ObservedAt = diff.ObservedAt, Agents = agents });
            Broadcast(new BoardUpdate(diff, null, agents));
            return true;
        }
    }

    /// <summary>
    /// Takes the leader's snapshot and per-source health (scale-out). A newer version is a jump, never a silent change:
    /// subscribers get a diff to it from the version before, computed against the agents they had, so that one exactly one
    /// version behind applies it and any other sees a gap and resynchronises (docs/API.md section 3). The same version
    /// takes the health alone; an older one is refused, since versions never go back on a board.
    /// </summary>
    /// <returns>Whether the board is now at the snapshot's version.</returns>
    public bool ReplaceFrom(StatusSnapshot snapshot, IReadOnlyList<SourceHealth> sources)
    {
        lock (_gate)
        {
            if (snapshot.Version < _current.Version)
            {
                return false;
            }
            if (snapshot.Version > _current.Version)
            {
                var diff = StatusDiffer.Diff(_current.Agents, snapshot.Agents, snapshot.Version - 1, snapshot.ObservedAt)
                    ?? new StatusDiff { FromVersion = snapshot.Version - 1, ToVersion = snapshot.Version, ObservedAt = snapshot.ObservedAt, Upserted = [], Removed = [] };
                Volatile.Write(ref _current, _current with { Version = snapshot.Version, ObservedAt = snapshot.ObservedAt, Agents = snapshot.Agents });
                Broadcast(new BoardUpdate(diff, null, snapshot.Agents));
            }
            else
            {
                Volatile.Write(ref _current, _current with { ObservedAt = snapshot.ObservedAt });
            }
            PublishHealths(sources, snapshot.Health);
            return true;
        }
    }

    /// <summary>
    /// Sets every source's health at once, as the leader reported them (scale-out), so that subscribers hear one
    /// change, not one per source; with no source yet, the board's health is <paramref name="fallback"/>.
    /// </summary>
    public void PublishHealths(IReadOnlyList<SourceHealth> sources, UpstreamHealth fallback)
    {
        lock (_gate)
        {
            if (sources.Count == 0)
            {
                SetHealth(fallback);
                return;
            }
            _sources.Clear();
            _sources.AddRange(sources);
            SetHealth(_sources is [{ Source: AgentKeys.DefaultSource } only] ? only.AsUpstream() : SourceHealths.Combine([.. _sources]));
        }
    }

    /// <summary>The time of the leader's last poll at this board's version (scale-out): polls that change nothing move it too.</summary>
    public void Observed(long version, DateTimeOffset observedAt)
    {
        lock (_gate)
        {
            if (_current.Version == version && _current.ObservedAt != observedAt)
            {
                Volatile.Write(ref _current, _current with { ObservedAt = observedAt });
            }
        }
    }

    /// <summary>The board and each source's health, taken together: what the leader stores in Redis for the followers.</summary>
    public BoardReplicaState ReplicaState()
    {
        lock (_gate)
        {
            return new BoardReplicaState(_current, [.. _sources]);
        }
    }

    /// <summary>One source's last reported health; <see cref="UpstreamHealth.Starting"/> before it has reported.</summary>
    public UpstreamHealth SourceHealth(string source)
    {
        lock (_gate)
        {
            return _sources.Find(s => s.Source == source)?.AsUpstream() ?? UpstreamHealth.Starting;
        }
    }

    /// <summary>Sets the health of the source <c>default</c>, or the board's before any source reported.</summary>
    public void PublishHealth(UpstreamHealth health)
    {
        lock (_gate)
        {
            if (_sources.Find(s => s.Source == AgentKeys.DefaultSource) is { } own)
            {
                PublishHealth(own.Source, own.SourceName, health);
            }
            else
            {
                SetHealth(health);
            }
        }
    }

    private static int CompareSources(string a, string b) =>
        (a == AgentKeys.DefaultSource, b == AgentKeys.DefaultSource) switch
        {
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(a, b),
        };

    /// <summary>Subscribers hear of health only when it differs from the current one.</summary>
    private void SetHealth(UpstreamHealth health)
    {
        if (health.Equals(_current.Health))
        {
            return;
        }
        Volatile.Write(ref _current, _current with { Health = health });
        Broadcast(new BoardUpdate(null, health));
    }

    /// <summary>Two lists in ordinal key order as one, in linear time; keys are unique across sources.</summary>
    private static List<AgentView> Merge(List<AgentView> a, IReadOnlyList<AgentView> b)
    {
        var merged = new List<AgentView>(a.Count + b.Count);
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            merged.Add(string.CompareOrdinal(a[i].Key, b[j].Key) <= 0 ? a[i++] : b[j++]);
        }
        while (i < a.Count)
        {
            merged.Add(a[i++]);
        }
        while (j < b.Count)
        {
            merged.Add(b[j++]);
        }
        return merged;
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
