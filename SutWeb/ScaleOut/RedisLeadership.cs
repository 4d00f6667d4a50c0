using Medallion.Threading.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace SutWeb.ScaleOut;

/// <summary>
/// The leader election with <c>ScaleOut:Redis</c>: a <see cref="RedisDistributedLock"/> on <c>{KeyPrefix}:leader</c>
/// that expires <see cref="LockExpiry"/> after its holder stops renewing it (every <see cref="RenewEvery"/>), so that a
/// killed leader is replaced well within 15 s; followers try every <see cref="TryEvery"/>. Each term gets the next
/// epoch (<c>{KeyPrefix}:epoch</c>) and ends the moment the lock is lost, Redis fails or the host stops. Without Redis
/// there is no leader: every replica keeps trying until it returns.
/// </summary>
public sealed partial class RedisLeadership(
    IConnectionMultiplexer redis,
    IServiceProvider services,
    IOptions<ScaleOutOptions> options,
    TimeProvider timeProvider,
    ILogger<RedisLeadership> logger) : BackgroundService, ILeadership
{
    public static readonly TimeSpan LockExpiry = TimeSpan.FromSeconds(8);
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan TryEvery = TimeSpan.FromSeconds(1);

    /// <summary>How long listeners wait for a term's leader-only services to stop (they stop within 5 s each).</summary>
    private static readonly TimeSpan ServicesStopWithin = TimeSpan.FromSeconds(10);

    /// <summary>
    /// INCR, but never below an epoch this replica has seen: a Redis that lost its keys (restarted without
    /// persistence) must not hand out an epoch that followers already saw.
    /// </summary>
    private const string NextEpochScript = """
        local epoch = redis.call('INCR', KEYS[1])
        local floor = tonumber(ARGV[1])
        if epoch <= floor then
            epoch = floor + 1
            redis.call('SET', KEYS[1], epoch)
        end
        return epoch
        """;

    private readonly Lock _gate = new();
    // Resolved when first needed, not injected: a listener (the board replicator) may itself depend on ILeadership.
    private ILeadershipListener[]? _listeners;
    private TaskCompletionSource<LeadershipTerm> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LeadershipTerm? _current;
    private volatile ReplicaRole _role = ReplicaRole.Follower;
    private long _highestEpoch;
    private bool _redisUnreachable;
    private bool _announcedFollowing;

    public ReplicaRole Role => _role;

    private string Prefix => options.Value.KeyPrefix;

    private ILeadershipListener[] Listeners => _listeners ??= [.. services.GetServices<ILeadershipListener>()];

    public ValueTask<LeadershipTerm> WaitToLeadAsync(CancellationToken cancellationToken)
    {
        Task<LeadershipTerm> next;
        lock (_gate)
        {
            if (_current is { Ended.IsCancellationRequested: false } current)
            {
                return ValueTask.FromResult(current);
            }
            next = _next.Task;
        }
        return new ValueTask<LeadershipTerm>(next.WaitAsync(cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        LogElecting(logger, RedisEndpoints.Describe(redis), Prefix);
        var database = redis.GetDatabase();
        var leaderLock = new RedisDistributedLock($"{Prefix}:leader", database, o => o
            .Expiry(LockExpiry)
            .ExtensionCadence(RenewEvery));
        while (!stoppingToken.IsCancellationRequested)
        {
            RedisDistributedLockHandle? handle = null;
            try
            {
                handle = await leaderLock.TryAcquireAsync(TimeSpan.Zero, stoppingToken);
                if (handle is null)
                {
                    await ObserveEpochAsync(database);
                    if (!_announcedFollowing)
                    {
                        _announcedFollowing = true;
                        LogFollowingAtStart(logger, Interlocked.Read(ref _highestEpoch));
                    }
                }
                Reachable();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Unreachable(e);
            }
            if (handle is not null)
            {
                await LeadAsync(handle, database, stoppingToken);
            }
            await Task.Delay(TryEvery, timeProvider, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One term: from taking the lock until it is lost, Redis fails or the host stops.</summary>
    private async Task LeadAsync(RedisDistributedLockHandle handle, IDatabase database, CancellationToken stoppingToken)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(handle.HandleLostToken, stoppingToken);
        var reason = "the host stops";
        void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
        {
            reason = "the connection to Redis failed";
            try
            {
                ended.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The term is over already.
            }
        }
        redis.ConnectionFailed += OnConnectionFailed;
        using var lost = handle.HandleLostToken.Register(() => reason = "the lock was lost");
        LeadershipTerm? term = null;
        try
        {
            var epoch = (long)await database.ScriptEvaluateAsync(NextEpochScript, [(RedisKey)$"{Prefix}:epoch"], [Interlocked.Read(ref _highestEpoch)]);
            ObserveEpoch(epoch);
            term = new LeadershipTerm(epoch, ended.Token);
            _role = ReplicaRole.Leader;
            LogLeading(logger, epoch);
            foreach (var listener in Listeners)
            {
                await listener.TakingLeadAsync(term, ended.Token);
            }
            lock (_gate)
            {
                if (!ended.IsCancellationRequested)
                {
                    _current = term;
                    _next.TrySetResult(term);
                    _next = new TaskCompletionSource<LeadershipTerm>(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
            await Task.Delay(Timeout.Infinite, ended.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // Lost while the listeners were taking the lead: an ordinary end, said below.
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            reason = "taking the lead failed";
            LogTermFailed(logger, term?.Epoch ?? 0, e);
        }
        finally
        {
            redis.ConnectionFailed -= OnConnectionFailed;
            await ended.CancelAsync();
            lock (_gate)
            {
                _current = null;
            }
            _role = ReplicaRole.Follower;
            if (term is not null)
            {
                LogFollowing(logger, term.Epoch, reason);
                _announcedFollowing = true;
                await EndTermAsync(term);
            }
            await ReleaseAsync(handle);
        }
    }

    /// <summary>After the term's leader-only services stopped (bounded), every listener hears the lead ended.</summary>
    private async Task EndTermAsync(LeadershipTerm term)
    {
        await term.AllStoppedAsync().WaitAsync(ServicesStopWithin, timeProvider).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        using var within = new CancellationTokenSource(ServicesStopWithin, timeProvider);
        foreach (var listener in Listeners)
        {
            try
            {
                await listener.LeadEndedAsync(term, within.Token);
            }
            catch (Exception e)
            {
                LogTermFailed(logger, term.Epoch, e);
            }
        }
    }

    /// <summary>Gives the lock back at once (a polite stop hands over without waiting for it to expire); with Redis gone it just expires.</summary>
    private async Task ReleaseAsync(RedisDistributedLockHandle handle)
    {
        try
        {
            await handle.DisposeAsync().AsTask().WaitAsync(RenewEvery, timeProvider);
        }
        catch (Exception e)
        {
            LogReleaseFailed(logger, e.GetBaseException().Message);
        }
    }

    /// <summary>A follower remembers the leader's epoch, so that it never leads with a smaller one.</summary>
    private async Task ObserveEpochAsync(IDatabase database)
    {
        if ((long?)await database.StringGetAsync($"{Prefix}:epoch") is { } epoch)
        {
            ObserveEpoch(epoch);
        }
    }

    private void ObserveEpoch(long epoch)
    {
        long seen;
        while (epoch > (seen = Interlocked.Read(ref _highestEpoch)) && Interlocked.CompareExchange(ref _highestEpoch, epoch, seen) != seen)
        {
        }
    }

    private void Reachable()
    {
        if (_redisUnreachable)
        {
            _redisUnreachable = false;
            LogRedisBack(logger, RedisEndpoints.Describe(redis));
        }
    }

    private void Unreachable(Exception e)
    {
        if (!_redisUnreachable)
        {
            _redisUnreachable = true;
            LogRedisUnreachable(logger, RedisEndpoints.Describe(redis), e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scale-out: electing a leader through Redis at {Endpoints} (keys {Prefix}:*)")]
    private static partial void LogElecting(ILogger logger, string endpoints, string prefix);

    [LoggerMessage(Level = LogLevel.Information, Message = "This replica leads (epoch {Epoch}): it polls, records history and sends notifications")]
    private static partial void LogLeading(ILogger logger, long epoch);

    [LoggerMessage(Level = LogLevel.Information, Message = "This replica no longer leads (epoch {Epoch}: {Reason}); it follows")]
    private static partial void LogFollowing(ILogger logger, long epoch, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "This replica follows: another replica leads (epoch {Epoch})")]
    private static partial void LogFollowingAtStart(ILogger logger, long epoch);

    [LoggerMessage(Level = LogLevel.Error, Message = "Leadership term {Epoch} failed")]
    private static partial void LogTermFailed(ILogger logger, long epoch, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis at {Endpoints} is unreachable ({Error}): no replica leads until it returns")]
    private static partial void LogRedisUnreachable(ILogger logger, string endpoints, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis at {Endpoints} is reachable again")]
    private static partial void LogRedisBack(ILogger logger, string endpoints);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The leader lock was not released ({Error}): it expires by itself")]
    private static partial void LogReleaseFailed(ILogger logger, string error);
}
