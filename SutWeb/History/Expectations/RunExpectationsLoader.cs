using System.Threading.Channels;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;

namespace SutWeb.History.Expectations;

/// <summary>
/// Fills <see cref="RunExpectations"/> in the background. It follows the board like any page: a run that starts brings
/// its model's durations from the database (once; then they are kept up to date from the board), a run that finishes
/// is added to its model's durations and to its agent's track record, if they are loaded. An agent's track record is
/// read when a screen asks for it. One task does all of it, so the board never waits, and neither does a render;
/// a query that fails (the database is down, or not created yet) is tried again later.
/// </summary>
public sealed partial class RunExpectationsLoader(
    AgentBoard board,
    RunExpectations expectations,
    ExpectationQueries queries,
    HistoryStatus status,
    TimeProvider timeProvider,
    ILogger<RunExpectationsLoader> logger) : BackgroundService
{
    /// <summary>How long a key whose query failed waits before it is tried again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>How often it looks whether the writer has opened the database, at start.</summary>
    private static readonly TimeSpan OpenPoll = TimeSpan.FromMilliseconds(250);

    private readonly Channel<object> _work = Channel.CreateBounded<object>(new BoundedChannelOptions(8192)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    private readonly Dictionary<string, AgentView> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<HistoryKey, ModelEntry> _models = [];
    private readonly Dictionary<HistoryKey, long> _agents = [];
    private readonly HashSet<HistoryKey> _retrying = [];
    private long _clock;
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var follow = FollowBoardAsync(stoppingToken);
        var forward = ForwardRequestsAsync(stoppingToken);
        try
        {
            // Until the writer has opened the database its tables may not exist: a query then would only fail.
            while (status.State == HistoryState.Starting)
            {
                await Task.Delay(OpenPoll, timeProvider, stoppingToken);
            }
            await foreach (var item in _work.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await DoAsync(item, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A fault in one piece of work must not stop the others, nor the host.
                    LogFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(follow, forward);
    }

    private async Task DoAsync(object item, CancellationToken stoppingToken)
    {
        switch (item)
        {
            case RunWrite run:
                await SeeAsync(run, stoppingToken);
                break;
            case AgentRequest request:
                _retrying.Remove(request.Key);
                await LoadAgentAsync(request.Key, stoppingToken);
                break;
            case ModelRequest request:
                _retrying.Remove(request.Key);
                await LoadModelAsync(request.Key, stoppingToken);
                break;
        }
    }

    /// <summary>The board's runs as the recorder sees them (<see cref="AgentChanges"/>): started, finished, lost.</summary>
    private async Task FollowBoardAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var subscription = board.Subscribe();
            await SeeAsync(subscription.Initial, null, stoppingToken);
            await foreach (var batch in subscription.ReadBatchesAsync(stoppingToken))
            {
                await SeeAsync(batch.Snapshot, batch.ChangedKeys, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ForwardRequestsAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var key in expectations.Requests.ReadAllAsync(stoppingToken))
            {
                await _work.Writer.WriteAsync(new AgentRequest(key), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SeeAsync(StatusSnapshot snapshot, IReadOnlySet<string>? changed, CancellationToken stoppingToken)
    {
        if (snapshot.Version == 0)
        {
            return;
        }
        var agents = snapshot.Agents;
        foreach (var key in changed ?? (IEnumerable<string>)[.. agents.Select(a => a.Key).Union(_seen.Keys, StringComparer.Ordinal)])
        {
            var after = snapshot.FindAgent(key);
            _seen.TryGetValue(key, out var before);
            foreach (var run in AgentChanges.Between(before, after, snapshot.ObservedAt).OfType<RunWrite>())
            {
                // Waiting here delays only this reader; the board drops what it cannot hold and this reader catches up.
                await _work.Writer.WriteAsync(run, stoppingToken);
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
    }

    /// <summary>A run started, finished or was lost on the board.</summary>
    private async Task SeeAsync(RunWrite run, CancellationToken stoppingToken)
    {
        var start = run.StartTime ?? run.At;
        if (run.ModelName is { } modelName)
        {
            var model = new HistoryKey(run.Source, modelName);
            if (!_models.ContainsKey(model))
            {
                await LoadModelAsync(model, stoppingToken);
            }
            if (_models.TryGetValue(model, out var entry))
            {
                entry.Touched = ++_clock;
                if (AgentTrackRecord.IsDecisive(run.Outcome) && run.EndTime is { } end && entry.Add(new DurationSample(run.ExecutionId, start, Math.Max(0, (end - start).TotalSeconds))))
                {
                    expectations.Publish(model, entry.Expectation());
                }
            }
        }
        var agent = new HistoryKey(run.Source, run.AgentName);
        if (!RunOutcomes.IsRunning(run.Outcome) && _agents.ContainsKey(agent) && expectations.ForAgent(agent.Source, agent.Name) is { } record)
        {
            _agents[agent] = ++_clock;
            var next = record.With(new PastRun(run.ExecutionId, run.Outcome, start, run.EndTime));
            if (!ReferenceEquals(next, record))
            {
                expectations.Publish(agent, next);
            }
        }
    }

    private async Task LoadModelAsync(HistoryKey model, CancellationToken stoppingToken)
    {
        if (_models.ContainsKey(model))
        {
            return;
        }
        try
        {
            var entry = new ModelEntry(await queries.DurationsAsync(model, stoppingToken)) { Touched = ++_clock };
            _models[model] = entry;
            // Room first, so that what is published is within the bound.
            Evict(_models, m => m.Touched, key => expectations.Publish(key, (RunExpectation?)null));
            expectations.Publish(model, entry.Expectation());
            Recovered();
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            Failed(e, new ModelRequest(model), model, stoppingToken);
        }
    }

    private async Task LoadAgentAsync(HistoryKey agent, CancellationToken stoppingToken)
    {
        if (_agents.ContainsKey(agent))
        {
            return;
        }
        try
        {
            var record = await queries.TrackRecordAsync(agent, stoppingToken);
            _agents[agent] = ++_clock;
            Evict(_agents, touched => touched, key => expectations.Publish(key, (AgentTrackRecord?)null));
            expectations.Publish(agent, record);
            Recovered();
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            Failed(e, new AgentRequest(agent), agent, stoppingToken);
        }
    }

    /// <summary>Past the capacity, the least recently used tenth goes (read again from the database when needed).</summary>
    private void Evict<T>(Dictionary<HistoryKey, T> entries, Func<T, long> touched, Action<HistoryKey> forget)
    {
        if (entries.Count <= expectations.Capacity)
        {
            return;
        }
        var oldest = entries.OrderBy(e => touched(e.Value)).Take(Math.Max(1, entries.Count - (expectations.Capacity * 9 / 10))).Select(e => e.Key).ToList();
        foreach (var key in oldest)
        {
            entries.Remove(key);
            forget(key);
        }
    }

    private void Failed(Exception error, object retry, HistoryKey key, CancellationToken stoppingToken)
    {
        if (!_failing)
        {
            _failing = true;
            LogUnavailable(logger, error.GetType().Name, error.Message, RetryAfter.TotalSeconds);
        }
        if (_retrying.Add(key))
        {
            _ = RetryAsync(retry, stoppingToken);
        }
    }

    private async Task RetryAsync(object retry, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(RetryAfter, timeProvider, stoppingToken);
            await _work.Writer.WriteAsync(retry, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Recovered()
    {
        if (_failing)
        {
            _failing = false;
            LogRecovered(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Usual durations and streaks cannot be read from history ({ErrorType}: {Error}); the board shows none for now, trying again every {Seconds} s")]
    private static partial void LogUnavailable(ILogger logger, string errorType, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Usual durations and streaks: a piece of work failed; the others go on")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Usual durations and streaks are read from history again")]
    private static partial void LogRecovered(ILogger logger);
}
