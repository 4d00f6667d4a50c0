using Microsoft.Extensions.Options;
using SutWeb.Eggplant;
using SutWeb.Eggplant.Sources;
using SutWeb.Shared.Mapping;
using SutWeb.Shared.Views;
using SutWeb.Shared.Wire;

namespace SutWeb.Monitoring;

/// <summary>
/// The poller of one source (<see cref="EggplantSource"/>): on each tick, one interval in force apart on <see cref="TimeProvider"/> (as
/// <see cref="PollPace"/> gives it from the board's activity and the polls' outcomes), it asks the Eggplant server for
/// the agents and publishes the result to the board. One poll is in flight at a time, bounded by the client's
/// deadline; a tick that finds the last poll still waiting only updates health. No
/// failure stops the loop, and on failure the last good agents stay on the board while health tells how stale they
/// are. <see cref="PollerWatchdog"/> reports it should the loop get stuck all the same. It publishes to the board and
/// reports to its <see cref="PollerStatus"/>; telemetry observes both, so data flows one way: poller, board, observers.
/// Every line it logs, and every line logged during its polls, carries the source's id in a scope (<c>Source</c>).
/// </summary>
public sealed partial class StatusPoller(
    IServiceScopeFactory scopes,
    AgentBoard board,
    PollerStatus status,
    IOptions<EggplantOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<StatusPoller> logger) : BackgroundService
{
    /// <summary>
    /// The poller of one source under <c>Eggplant:Sources</c>: its keyed client, its own status and resolved settings,
    /// publishing its agents and its health as that source's. The unkeyed one polls the source <c>default</c>.
    /// </summary>
    internal StatusPoller(
        EggplantSource source,
        IServiceScopeFactory scopes,
        AgentBoard board,
        PollerStatus status,
        TimeProvider timeProvider,
        IHostApplicationLifetime lifetime,
        ILogger<StatusPoller> logger)
        : this(scopes, board, status, Options.Create(source.Options), timeProvider, lifetime, logger) =>
        _source = source;

    private static readonly Func<ILogger, string, IDisposable?> SourceScope = LoggerMessage.DefineScope<string>("Source {Source}");

    private EggplantSource? _source;

    private EggplantSource Source => _source ??= EggplantSource.Default(options.Value);

    private string SourceId => Source.Id;

    // 1 from a poll's start until just before it counts as completed, so that whoever sees the count grow (the
    // watchdog, a test stepping a fake clock) knows the next tick starts a poll.
    private int _polling;

    // Whether this source has ever answered well: its first good answer is logged as a connection.
    private bool _connected;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The simulator is served by this very host: wait until it listens.
        if (!await WaitForStartAsync(stoppingToken))
        {
            return;
        }
        var settings = options.Value;
        if (Source.IsDefault && !EggplantSources.Resolve(settings).Any(s => s.IsDefault))
        {
            return; // Only Eggplant:Sources are configured: there is no source default, not even the simulator.
        }
        // What runs from here on (polls, sign-ins, the circuit breaker's callbacks) logs under the source's id.
        using var logScope = SourceScope(logger, SourceId);
        var limits = new AgentViewLimits { MaxAgents = settings.MaxAgents, MaxLogChars = settings.MaxLogChars, MaxFieldChars = settings.MaxFieldChars };
        var mapper = Source.IsDefault ? new IncrementalAgentViewMapper(limits) : new IncrementalAgentViewMapper(limits, Source.Id, Source.DisplayName);
        var pace = new PollPace(settings.PollInterval, settings.IdlePollInterval);
        var health = new UpstreamHealthTracker(pace, Source.Name("the Eggplant server"));
        LogStarted(logger, Source.UpstreamName, settings.PollInterval.TotalSeconds, settings.IdlePollInterval.TotalSeconds);

        Task? inFlight = null;
        var startedAt = timeProvider.GetUtcNow();
        for (DateTimeOffset? tick = startedAt; tick is { } at; tick = await NextTickAsync(pace, at, inFlight, stoppingToken))
        {
            // The flag, not the task: the task completes only after the poll has counted as completed.
            if (Volatile.Read(ref _polling) == 0)
            {
                startedAt = timeProvider.GetUtcNow();
                status.PollStarting();
                Volatile.Write(ref _polling, 1);
                inFlight = PollOnceAsync(health, mapper, pace, stoppingToken);
            }
            else if (!status.Stalled)
            {
                // Once the watchdog reports a stall, its word stays on the board until a poll completes.
                Publish(health.OnOverdue(timeProvider.GetUtcNow(), startedAt));
            }
        }

        if (inFlight is not null)
        {
            await inFlight;
        }
    }

    /// <summary>One poll; it never throws, so one bad answer cannot stop the loop.</summary>
    internal async Task PollOnceAsync(UpstreamHealthTracker health, IncrementalAgentViewMapper mapper, PollPace pace, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            using var scope = scopes.CreateScope();
            var client = scope.ServiceProvider.GetSourceService<EggplantClient>(Source);
            var payload = await client.GetStatusPayloadAsync(cancellationToken);
            var agents = mapper.Map(payload);
            var now = timeProvider.GetUtcNow();
            var diff = board.PublishAgents(SourceId, agents, now);
            status.Report(new PollOutcome(timeProvider.GetElapsedTime(started), null, diff is null ? null : diff.Upserted.Count + diff.Removed.Count));
            // Before health, which tells every view the interval it judges freshness by.
            var idle = pace.Idle;
            pace.OnSuccess(now, agents.Any(a => a.State == AgentState.Running), diff is not null);
            if (pace.Idle != idle)
            {
                LogPace(logger, Source.UpstreamName, pace.Pace.TotalSeconds, pace.Idle ? "nothing runs and nothing has changed for a minute" : "the board is busy again");
            }
            status.SetInterval(pace.Interval);
            Publish(health.OnSuccess(now));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception e) when (e is EggplantException or StatusPayloadException)
        {
            var failure = e as EggplantException ?? EggplantClient.Unreadable((StatusPayloadException)e, Source);
            status.Report(new PollOutcome(timeProvider.GetElapsedTime(started), failure.Kind, null));
            // A refused sign-in waits on its own back-off, and "Try again now" promises the next poll.
            pace.OnFailure(backOff: failure.Kind != UpstreamFailureKind.Unauthorized);
            status.SetInterval(pace.Interval);
            Publish(health.OnFailure(timeProvider.GetUtcNow(), failure));
        }
        catch (Exception e)
        {
            LogUnexpected(logger, Source.UpstreamName, e);
            pace.OnFailure();
            status.SetInterval(pace.Interval);
            Publish(health.OnFailure(timeProvider.GetUtcNow(), UpstreamFailureKind.HttpError,
                $"An unexpected error occurred while polling {Source.UpstreamName}; see the log."));
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
            status.PollCompleted();
        }
    }

    private void Publish(UpstreamHealth health)
    {
        // The board's own health stands for default's until a source has reported (a health published without one);
        // once another source has, it is their combination, not default's.
        var previous = Source.IsDefault && board.SourceHealth(SourceId).State == UpstreamState.Starting && board.Current.Health.Sources is null
            ? board.Current.Health
            : board.SourceHealth(SourceId);
        board.PublishHealth(SourceId, Source.DisplayName, health);
        // The first good answer ever is "Connected", even after failed first polls: "healthy again" would claim it had been.
        if (health.State == UpstreamState.Healthy && !_connected)
        {
            _connected = true;
            LogConnected(logger, Source.UpstreamName, board.Current.Agents.Count(a => a.Source == SourceId));
        }
        // One log line per transition, not one per failed poll.
        else if (previous.State != health.State)
        {
            if (health.State == UpstreamState.Healthy)
            {
                LogRecovered(logger, Source.UpstreamName, previous.State, previous.ConsecutiveFailures);
            }
            else
            {
                LogTransition(logger, Source.UpstreamName, previous.State, health.State, health.LastError);
            }
        }
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits for the tick one interval in force after <paramref name="tick"/>. While a poll is in flight its outcome may
    /// change the interval: the wait then ends at the new interval after the tick (at once when that has passed). A
    /// poll still in flight at the tick makes it an overdue check. Ticks keep to their schedule, not to when the loop
    /// wakes, unless it wakes a whole interval late (a clock that jumps): then it starts again from now.
    /// </summary>
    /// <returns>The time of the next tick; null once the host stops.</returns>
    private async Task<DateTimeOffset?> NextTickAsync(PollPace pace, DateTimeOffset tick, Task? inFlight, CancellationToken stoppingToken)
    {
        try
        {
            if (inFlight is { IsCompleted: false })
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var due = tick + pace.Interval;
                var delay = Task.Delay(Positive(due - timeProvider.GetUtcNow()), timeProvider, wait.Token);
                if (await Task.WhenAny(inFlight, delay) == delay)
                {
                    await delay;
                    return OnSchedule(due, pace.Interval);
                }
                await wait.CancelAsync();
            }
            var next = tick + pace.Interval;
            if (next - timeProvider.GetUtcNow() is var left && left > TimeSpan.Zero)
            {
                // Someone asked for a poll now (PollerStatus.PollNow): the tick is now, and the schedule goes on from it.
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var delay = Task.Delay(left, timeProvider, wait.Token);
                if (await Task.WhenAny(delay, status.PollNowRequested) != delay)
                {
                    await wait.CancelAsync();
                    return stoppingToken.IsCancellationRequested ? null : timeProvider.GetUtcNow();
                }
                await delay;
            }
            return stoppingToken.IsCancellationRequested ? null : OnSchedule(next, pace.Interval);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private DateTimeOffset OnSchedule(DateTimeOffset due, TimeSpan interval) =>
        timeProvider.GetUtcNow() is var now && now - due >= interval ? now : due;

    private static TimeSpan Positive(TimeSpan span) => span > TimeSpan.Zero ? span : TimeSpan.Zero;

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling {Upstream} every {IntervalSeconds} s while agents run, every {IdleSeconds} s when the board is quiet")]
    private static partial void LogStarted(ILogger logger, string upstream, double intervalSeconds, double idleSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling {Upstream} every {IntervalSeconds} s now: {Why}")]
    private static partial void LogPace(ILogger logger, string upstream, double intervalSeconds, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to {Upstream}: {Agents} agent connections")]
    private static partial void LogConnected(ILogger logger, string upstream, int agents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polled upstream health {Previous} -> {Current} ({Upstream}): {Error}")]
    private static partial void LogTransition(ILogger logger, string upstream, UpstreamState previous, UpstreamState current, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polled upstream healthy again: {Upstream} (was {Previous} after {Failures} failed polls)")]
    private static partial void LogRecovered(ILogger logger, string upstream, UpstreamState previous, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error while polling {Upstream}")]
    private static partial void LogUnexpected(ILogger logger, string upstream, Exception exception);
}
