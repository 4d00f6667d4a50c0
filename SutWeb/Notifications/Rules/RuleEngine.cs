using SutWeb.History;
using SutWeb.Shared.History;
using SutWeb.Shared.Mapping;
using SutWeb.Shared.Views;

namespace SutWeb.Notifications.Rules;

/// <summary>
/// Turns board changes into the rules' messages (docs/API.md, notifications). It compares each batch's agents with the
/// ones it saw last, like the history recorder, so a resynchronised batch after a gap (every key) is judged the same
/// way. Time (<c>For</c>, <c>RepeatEvery</c>, stuck runs, folding, flapping) runs on one timer of the
/// <see cref="TimeProvider"/>. Messages leave through <c>send</c>, which must not block.
/// </summary>
public sealed class RuleEngine : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyList<RuleState> _rules;
    private readonly TimeSpan _stuckAfter;
    private readonly string? _publicUrl;
    private readonly Dictionary<string, string> _sourceNames;
    private readonly TimeProvider _time;
    private readonly Action<Notification> _send;
    private readonly MessageFolder _folder = new(RuleLimits.FoldWindow);
    private readonly FlapDetector _flaps = new(RuleLimits.FlapThreshold, RuleLimits.FlapWindow);
    private readonly ITimer _timer;
    private readonly Dictionary<string, AgentView> _seen = new(StringComparer.Ordinal);
    // Agents that left, as last seen: a return is compared with them (a run that failed while it was away).
    private readonly Dictionary<string, (AgentView View, long Order)> _gone = new(StringComparer.Ordinal);
    // Departures in order, to forget the oldest past MaxDepartedAgents; entries of agents that came back are skipped.
    private readonly Queue<(string Key, long Order)> _departures = new();
    private long _departed;
    private readonly HashSet<string> _answered = new(StringComparer.Ordinal);
    private readonly HashSet<string> _down = new(StringComparer.Ordinal);
    private DateTimeOffset? _armedFor;

    /// <param name="sourceNames">Display names by source id, for sources whose health carries no name.</param>
    public RuleEngine(
        IEnumerable<CompiledRule> rules,
        TimeSpan stuckAfter,
        string? publicUrl,
        IReadOnlyDictionary<string, string> sourceNames,
        TimeProvider time,
        Action<Notification> send)
    {
        _rules = [.. rules.Select(r => new RuleState(r))];
        _stuckAfter = stuckAfter;
        _publicUrl = publicUrl;
        _sourceNames = new Dictionary<string, string>(sourceNames, StringComparer.Ordinal);
        _time = time;
        _send = send;
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>One batch: the agents in <paramref name="changed"/> (every one when null) and every source's health.</summary>
    public void Observe(StatusSnapshot snapshot, IReadOnlySet<string>? changed)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            // Agents first, against the sources' health before this batch: agents that left in the poll that ends an
            // outage belong to the outage.
            foreach (var key in changed ?? AllKeys(snapshot.Agents))
            {
                Agent(key, snapshot.FindAgent(key), now);
            }
            Health(snapshot.Health, now);
            Tick(now);
        }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            _armedFor = null;
            Tick(_time.GetUtcNow());
        }
    }

    private IEnumerable<string> AllKeys(IReadOnlyList<AgentView> agents) =>
        agents.Select(a => a.Key).Concat(_seen.Keys).Distinct(StringComparer.Ordinal).ToList();

    private void Agent(string key, AgentView? after, DateTimeOffset now)
    {
        _seen.TryGetValue(key, out var before);
        if (after is null)
        {
            _seen.Remove(key);
        }
        else
        {
            _seen[key] = after;
        }
        if (before is null && after is null)
        {
            return;
        }
        if (!_answered.Contains((after ?? before)!.Source))
        {
            // A source's first answer is where SutWeb starts from, not news; a run already running long still is.
            if (after is not null && AgentChanges.IsRunning(after))
            {
                TrackRun(after, now);
            }
            return;
        }
        if (before is null)
        {
            _gone.Remove(key, out var last);
            Returned(after!, now);
            RunChanged(last.View, after!, now, lostAlreadyTold: true);
            return;
        }
        if (after is null)
        {
            Departed(key, before);
            var outage = _down.Contains(before.Source);
            Left(before, now, outage);
            if (AgentChanges.IsRunning(before))
            {
                var lost = BoardRuns.Of(before, now, RunOutcomes.Lost);
                EndStuck(key, lost, now);
                OneOff(NotificationEvents.RunLost, before, lost, now, now, outage);
            }
            return;
        }
        RunChanged(before, after, now, lostAlreadyTold: false);
    }

    private void Departed(string key, AgentView agent)
    {
        _gone[key] = (agent, ++_departed);
        _departures.Enqueue((key, _departed));
        while (_gone.Count > RuleLimits.MaxDepartedAgents && _departures.TryDequeue(out var oldest))
        {
            if (_gone.TryGetValue(oldest.Key, out var entry) && entry.Order == oldest.Order)
            {
                _gone.Remove(oldest.Key);
                foreach (var state in _rules)
                {
                    state.Conditions.Remove((NotificationEvents.AgentDisconnected, oldest.Key));
                }
            }
        }
        // Agents that come back leave stale entries behind: rebuilt from what is remembered when they are most.
        if (_departures.Count > 2 * Math.Max(_gone.Count, 1_000))
        {
            var order = _gone.OrderBy(g => g.Value.Order).Select(g => (g.Key, g.Value.Order)).ToList();
            _departures.Clear();
            foreach (var departure in order)
            {
                _departures.Enqueue(departure);
            }
        }
    }

    /// <summary>The run on an agent that is (still or again) on the board, compared with the one it had.</summary>
    private void RunChanged(AgentView? before, AgentView after, DateTimeOffset now, bool lostAlreadyTold)
    {
        var beforeId = RunId(before);
        var afterId = RunId(after);
        if (beforeId != afterId)
        {
            // Under way and gone without being seen to end: the next run began between two polls.
            if (!lostAlreadyTold && AgentChanges.IsRunning(before!))
            {
                var lost = BoardRuns.Of(before!, now, RunOutcomes.Lost);
                EndStuck(after.Key, lost, now);
                OneOff(NotificationEvents.RunLost, before!, lost, now, now, outage: false);
            }
            if (afterId is not null)
            {
                RunOutcome(after, now);
            }
            return;
        }
        if (afterId is null)
        {
            return;
        }
        if (RunOutcomes.From(before!.Execution!.Status) != RunOutcomes.From(after.Execution!.Status))
        {
            RunOutcome(after, now);
        }
        else if (AgentChanges.IsRunning(after))
        {
            TrackRun(after, now); // The same run, with a newer log for its messages.
        }
    }

    private void RunOutcome(AgentView agent, DateTimeOffset now)
    {
        if (AgentChanges.IsRunning(agent))
        {
            TrackRun(agent, now);
            return;
        }
        var run = BoardRuns.Of(agent, now);
        EndStuck(agent.Key, run, now);
        var outcome = RunOutcomes.From(agent.Execution!.Status);
        var notificationEvent = outcome switch
        {
            RunOutcomes.Failed => NotificationEvents.RunFailed,
            RunOutcomes.Incomplete => NotificationEvents.RunIncomplete,
            _ => null,
        };
        if (notificationEvent is not null)
        {
            OneOff(notificationEvent, agent, run, run?.EndTime ?? now, now, outage: false);
        }
    }

    /// <summary>An event that happens once (a run's end, lost): no <c>For</c>, no repeat, nothing to resolve.</summary>
    private void OneOff(string notificationEvent, AgentView agent, RunRecord? run, DateTimeOffset since, DateTimeOffset now, bool outage)
    {
        foreach (var state in _rules)
        {
            var rule = state.Rule;
            if (!rule.Lists(notificationEvent) || !rule.Matches(agent))
            {
                continue;
            }
            // The agent's departure is already counted in the outage: its run goes with it.
            if (outage && FoldIntoOutage(state, agent.Source, count: false))
            {
                continue;
            }
            _folder.Offer(Message(rule, notificationEvent, resolved: false, now, since, agent.Source, agent, run));
        }
    }

    /// <summary>A running run: a stuck condition for each rule that asks, from <c>Dashboard:StuckAfter</c> after its start.</summary>
    private void TrackRun(AgentView agent, DateTimeOffset now)
    {
        if (agent.Execution is not { StartTime: { } start, Id: { } id })
        {
            return; // No start time: no way to say how long it runs.
        }
        foreach (var state in _rules)
        {
            var rule = state.Rule;
            if (!rule.Lists(NotificationEvents.RunStuck) || !rule.Matches(agent))
            {
                continue;
            }
            var subject = (NotificationEvents.RunStuck, agent.Key);
            if (state.Conditions.TryGetValue(subject, out var existing) && existing.ExecutionId == id)
            {
                existing.Agent = agent;
                existing.Run = BoardRuns.Of(agent, now);
                continue;
            }
            state.Conditions[subject] = new Condition
            {
                Event = NotificationEvents.RunStuck,
                Source = agent.Source,
                Since = start,
                FireAt = start + _stuckAfter + rule.For,
                ExecutionId = id,
                Agent = agent,
                Run = BoardRuns.Of(agent, now),
            };
        }
    }

    /// <summary>The run on the agent <paramref name="key"/> is no longer running: its stuck conditions end.</summary>
    private void EndStuck(string key, RunRecord? run, DateTimeOffset now)
    {
        foreach (var state in _rules)
        {
            if (state.Conditions.Remove((NotificationEvents.RunStuck, key), out var condition) && Resolves(state.Rule, condition))
            {
                if (state.Rule.SendResolved)
                {
                    _folder.Offer(Message(state.Rule, NotificationEvents.RunStuck, resolved: true, now, condition.Since,
                        condition.Source, condition.Agent, run ?? condition.Run));
                }
            }
        }
    }

    private void Left(AgentView agent, DateTimeOffset now, bool outage)
    {
        // Disconnects caused by an outage are the outage's, not the agent's instability.
        var flapping = !outage && _flaps.OnDisconnect(agent.Key, now);
        foreach (var state in _rules)
        {
            var rule = state.Rule;
            if (!rule.FollowsConnections || !rule.Matches(agent))
            {
                continue;
            }
            if (outage && FoldIntoOutage(state, agent.Source, count: true))
            {
                continue;
            }
            state.Conditions[(NotificationEvents.AgentDisconnected, agent.Key)] = new Condition
            {
                Event = NotificationEvents.AgentDisconnected,
                Source = agent.Source,
                Since = now,
                FireAt = now + rule.For,
                Agent = agent,
                Run = BoardRuns.Of(agent, now),
            };
            if (flapping && rule.Lists(NotificationEvents.AgentDisconnected))
            {
                var (count, first) = _flaps.Drops(agent.Key);
                _folder.Offer(Message(rule, NotificationEvents.AgentDisconnected, resolved: false, now, first, agent.Source, agent,
                    BoardRuns.Of(agent, now)) with { Flapping = true, Count = count });
            }
        }
    }

    private void Returned(AgentView agent, DateTimeOffset now)
    {
        var flapping = _flaps.IsFlapping(agent.Key);
        foreach (var state in _rules)
        {
            var rule = state.Rule;
            if (!state.Conditions.Remove((NotificationEvents.AgentDisconnected, agent.Key), out var condition)
                || flapping || !Resolves(rule, condition))
            {
                continue;
            }
            if (rule.Lists(NotificationEvents.AgentReconnected) || rule.SendResolved)
            {
                _folder.Offer(Message(rule, NotificationEvents.AgentReconnected, resolved: true, now, condition.Since, agent.Source,
                    agent, BoardRuns.Of(agent, now)));
            }
        }
    }

    /// <summary>
    /// Whether a rule tells of an agent's event that came with its source's outage by counting it in the outage's
    /// message instead: only when the rule told of the outage (its SourceDown fired).
    /// </summary>
    private static bool FoldIntoOutage(RuleState state, string source, bool count)
    {
        if (state.Rule.FollowsSources
            && state.Conditions.TryGetValue((NotificationEvents.SourceDown, source), out var down) && down.Fired)
        {
            down.Folded += count ? 1 : 0;
            return true;
        }
        return false;
    }

    private void Health(UpstreamHealth health, DateTimeOffset now)
    {
        IReadOnlyList<SourceHealth> sources = health.Sources
            ?? [SourceHealth.From(AgentKeys.DefaultSource, SourceName(AgentKeys.DefaultSource, null), health)];
        foreach (var source in sources)
        {
            if (source.SourceName is { Length: > 0 } name)
            {
                _sourceNames[source.Source] = name;
            }
            if (source.LastSuccessAt is not null)
            {
                _answered.Add(source.Source);
            }
            var down = source.State is UpstreamState.Unreachable or UpstreamState.Unauthorized;
            if (down && _down.Add(source.Source))
            {
                SourceWentDown(source, now);
            }
            // Only a good poll ends an outage: a failing source may pass through Degraded on its way.
            else if (source.State == UpstreamState.Healthy && _down.Remove(source.Source))
            {
                SourceCameBack(source.Source, now);
            }
        }
    }

    private void SourceWentDown(SourceHealth source, DateTimeOffset now)
    {
        foreach (var state in _rules)
        {
            if (state.Rule.FollowsSources && state.Rule.MatchesSource(source.Source))
            {
                state.Conditions[(NotificationEvents.SourceDown, source.Source)] = new Condition
                {
                    Event = NotificationEvents.SourceDown,
                    Source = source.Source,
                    Since = now,
                    FireAt = now + state.Rule.For,
                };
            }
        }
    }

    private void SourceCameBack(string source, DateTimeOffset now)
    {
        foreach (var state in _rules)
        {
            var rule = state.Rule;
            if (state.Conditions.Remove((NotificationEvents.SourceDown, source), out var condition) && Resolves(rule, condition)
                && (rule.Lists(NotificationEvents.SourceRecovered) || rule.SendResolved))
            {
                _folder.Offer(Message(rule, NotificationEvents.SourceRecovered, resolved: true, now, condition.Since, source, null, null)
                    with { Count = 1 + condition.Folded });
            }
        }
    }

    /// <summary>
    /// Whether a condition's end is told: when the rule lists the condition's event, only if its message was sent; when
    /// it lists only the end (<c>AgentReconnected</c>, <c>SourceRecovered</c>), if the condition held its <c>For</c>.
    /// </summary>
    private static bool Resolves(CompiledRule rule, Condition condition) =>
        rule.Lists(condition.Event) ? condition.Sent : condition.Fired;

    /// <summary>Fires what is due, repeats, settles flapping agents, sends what the folder lets go, and sets the timer.</summary>
    private void Tick(DateTimeOffset now)
    {
        foreach (var key in _flaps.Settle(now))
        {
            Settled(key, now);
        }
        foreach (var state in _rules)
        {
            // Outages first: the disconnects they fold must not fire in the same pass.
            foreach (var (subject, condition) in state.Conditions.OrderBy(c => c.Value.Event == NotificationEvents.SourceDown ? 0 : 1).ToList())
            {
                if (state.Conditions.TryGetValue(subject, out var current) && ReferenceEquals(current, condition))
                {
                    Due(state, condition, now);
                }
            }
        }
        foreach (var notification in _folder.Flush(now))
        {
            _send(notification);
        }
        Arm(now);
    }

    private void Due(RuleState state, Condition condition, DateTimeOffset now)
    {
        var rule = state.Rule;
        if (!condition.Fired && now >= condition.FireAt && !HeldByOutage(state, condition))
        {
            condition.Fired = true;
            if (condition.Event == NotificationEvents.SourceDown)
            {
                FoldWaitingDisconnects(state, condition.Source, condition);
            }
            Fire(rule, condition, now);
            return;
        }
        if (condition.Sent && condition.RepeatAt is { } repeatAt && now >= repeatAt)
        {
            // A flapping agent's repeats are skipped, not put off: the timer moves on either way.
            condition.RepeatAt = now + rule.RepeatEvery!.Value;
            if (!IsFlapping(condition))
            {
                _folder.Offer(Message(rule, condition.Event, resolved: false, now, condition.Since, condition.Source, condition.Agent, condition.Run));
            }
        }
    }

    /// <summary>Sends a fired condition's message, when its rule lists the event and its agent is not flapping.</summary>
    private void Fire(CompiledRule rule, Condition condition, DateTimeOffset now)
    {
        if (!rule.Lists(condition.Event) || IsFlapping(condition))
        {
            return;
        }
        condition.Sent = true;
        condition.RepeatAt = now + rule.RepeatEvery;
        _folder.Offer(Message(rule, condition.Event, resolved: false, now, condition.Since, condition.Source, condition.Agent, condition.Run)
            with { Count = 1 + condition.Folded });
    }

    /// <summary>
    /// An agent's drop waits while its source is down and the rule's SourceDown for it has not fired yet: it folds
    /// into that message if it fires, and is told on its own if the source comes back first.
    /// </summary>
    private static bool HeldByOutage(RuleState state, Condition condition) =>
        condition.Event == NotificationEvents.AgentDisconnected
        && state.Conditions.TryGetValue((NotificationEvents.SourceDown, condition.Source), out var down) && !down.Fired;

    /// <summary>Agents of a source that left and were still within their <c>For</c> when it went down: the outage's now.</summary>
    private static void FoldWaitingDisconnects(RuleState state, string source, Condition down)
    {
        foreach (var (subject, condition) in state.Conditions.ToList())
        {
            if (condition.Event == NotificationEvents.AgentDisconnected && condition.Source == source && !condition.Fired)
            {
                state.Conditions.Remove(subject);
                down.Folded++;
            }
        }
    }

    /// <summary>A flapping agent settled: a drop that held long enough while it flapped is told now.</summary>
    private void Settled(string key, DateTimeOffset now)
    {
        foreach (var state in _rules)
        {
            if (state.Conditions.TryGetValue((NotificationEvents.AgentDisconnected, key), out var condition) && condition.Fired && !condition.Sent)
            {
                Fire(state.Rule, condition, now);
            }
        }
    }

    private bool IsFlapping(Condition condition) =>
        condition.Event == NotificationEvents.AgentDisconnected && _flaps.IsFlapping(condition.Agent!.Key);

    private void Arm(DateTimeOffset now)
    {
        DateTimeOffset? next = Earliest(_folder.NextDue, _flaps.NextSettle);
        foreach (var state in _rules)
        {
            foreach (var condition in state.Conditions.Values)
            {
                // One held by an outage is looked at again when the outage fires or ends.
                next = Earliest(next, condition.Fired ? (condition.Sent ? condition.RepeatAt : null)
                    : HeldByOutage(state, condition) ? null : condition.FireAt);
            }
        }
        if (next == _armedFor)
        {
            return;
        }
        _armedFor = next;
        // Whatever was due is done: the next time is later than now, so the timer never fires within this call. A far
        // one (a RepeatEvery of weeks) is looked at daily, as a timer cannot wait more than about 49 days.
        _timer.Change(next is { } at ? Min(Max(at - now, TimeSpan.FromMilliseconds(1)), TimeSpan.FromDays(1)) : Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        (a, b) switch
        {
            ({ } x, { } y) => x <= y ? x : y,
            _ => a ?? b,
        };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a >= b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a <= b ? a : b;

    private Notification Message(
        CompiledRule rule, string notificationEvent, bool resolved, DateTimeOffset now, DateTimeOffset? since, string source, AgentView? agent, RunRecord? run) =>
        new()
        {
            DeliveryId = Guid.NewGuid(),
            Event = notificationEvent,
            Resolved = resolved,
            At = now,
            Since = since,
            Rule = rule.Name,
            Source = source,
            SourceName = SourceName(source, agent),
            Agent = agent is null ? null : new NotificationAgent(agent.Key, agent.AgentName, agent.Port),
            Run = run,
            DashboardUrl = NotificationLinks.For(_publicUrl, source, agent?.AgentName),
            Channels = rule.Channels,
        };

    private string SourceName(string source, AgentView? agent) =>
        agent?.SourceName is { Length: > 0 } name ? name : _sourceNames.TryGetValue(source, out var configured) ? configured : source;

    private static string? RunId(AgentView? agent) => agent?.Execution?.Id is { Length: > 0 } id ? id : null;

    public void Dispose() => _timer.Dispose();
}
