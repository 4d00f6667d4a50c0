using Microsoft.Extensions.Options;
using SutWeb.Eggplant;
using SutWeb.Eggplant.Sources;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;

namespace SutWeb.History;

/// <summary>
/// Follows the board like any page and turns each batch of changes into writes for <see cref="HistoryWriter"/>. It
/// never waits for the database: it only queues (<see cref="PendingWrites"/>), so neither the poller nor the board
/// ever waits for history. A source is recorded from its first answer in this life, when the recorder also hands the
/// writer the whole board of that source to reconcile with what the last life left (runs it left running are Lost).
/// </summary>
public sealed partial class HistoryRecorder(
    AgentBoard board,
    PendingWrites pending,
    HistoryStatus status,
    HistoryMetrics metrics,
    IOptions<EggplantOptions> eggplant,
    TimeProvider timeProvider,
    ILogger<HistoryRecorder> logger) : BackgroundService
{
    private readonly Dictionary<string, AgentView> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _answered = new(StringComparer.Ordinal);
    private bool _dropping;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        pending.Dropped += OnDropped;
        try
        {
            using var subscription = board.Subscribe();
            var configured = EggplantSources.Resolve(eggplant.Value).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            pending.Add(new RetireSourcesWrite(timeProvider.GetUtcNow(), configured));
            Record(subscription.Initial, null);
            await foreach (var batch in subscription.ReadBatchesAsync(stoppingToken))
            {
                Record(batch.Snapshot, batch.ChangedKeys);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            pending.Dropped -= OnDropped;
        }
    }

    /// <summary>One batch: the changes of the agents in <paramref name="changed"/> (all of them when null).</summary>
    internal void Record(StatusSnapshot snapshot, IReadOnlySet<string>? changed)
    {
        if (snapshot.Version == 0)
        {
            return; // Nothing polled yet.
        }
        var at = snapshot.ObservedAt;
        var agents = snapshot.Agents;
        foreach (var key in changed ?? AllKeys(agents))
        {
            var after = snapshot.FindAgent(key);
            _seen.TryGetValue(key, out var before);
            var source = (after ?? before)?.Source;
            if (source is not null && _answered.Contains(source))
            {
                foreach (var write in AgentChanges.Between(before, after, at))
                {
                    Add(write);
                }
            }
            if (after is null)
            {
                _seen.Remove(key);
            }
            else
            {
                _seen[key] = after;
            }
        }
        var resync = pending.TakeResyncRequest();
        if (resync)
        {
            _dropping = false;
        }
        foreach (var source in Answered(snapshot.Health))
        {
            if (_answered.Add(source) || resync)
            {
                SendWhole(source, agents, at);
            }
        }
    }

    /// <summary>Every run of a source as it is now, then what its board holds, for the writer to reconcile with.</summary>
    private void SendWhole(string source, IReadOnlyList<AgentView> agents, DateTimeOffset at)
    {
        var own = agents.Where(a => a.Source == source).ToList();
        foreach (var agent in own)
        {
            _seen[agent.Key] = agent;
            if (RunWrite.Of(agent, at) is { } run)
            {
                Add(run);
            }
        }
        var running = own.Where(AgentChanges.IsRunning).Select(a => a.Execution!.Id!).ToHashSet(StringComparer.Ordinal);
        pending.Add(new ReconcileWrite(source, at, [.. own.Select(a => new BoardAgent(a.AgentName, a.Port, a.State.ToString()))], running));
    }

    private void Add(HistoryWrite write)
    {
        if (!pending.Add(write) && !_dropping)
        {
            _dropping = true;
            LogDropping(logger, pending.Capacity, status.LastError ?? "unavailable");
        }
    }

    private void OnDropped(HistoryWrite write)
    {
        status.CountDropped();
        metrics.Dropped(write);
    }

    /// <summary>The sources whose poll has succeeded at least once: only then is an agent's absence news.</summary>
    private static IEnumerable<string> Answered(UpstreamHealth health)
    {
        if (health.Sources is { } sources)
        {
            return sources.Where(s => s.LastSuccessAt is not null).Select(s => s.Source);
        }
        return health.LastSuccessAt is not null ? [SutWeb.Shared.Mapping.AgentKeys.DefaultSource] : [];
    }

    private IEnumerable<string> AllKeys(IReadOnlyList<AgentView> agents) =>
        agents.Select(a => a.Key).Concat(_seen.Keys).Distinct(StringComparer.Ordinal).ToList();

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "History is dropping writes: {Bound} wait already (History:MaxPendingWrites) for a database that is unavailable ({Error}); the gap is counted and recorded once it is back")]
    private static partial void LogDropping(ILogger logger, int bound, string error);
}
