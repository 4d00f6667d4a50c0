using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SutWeb.Monitoring;

namespace SutWeb.ScaleOut;

/// <summary>
/// One board on every replica. The leader subscribes to its board like any page (a bounded queue: it never slows the
/// poller) and, for each burst, stores the board at <c>{KeyPrefix}:board</c> THEN publishes each update on
/// <c>{KeyPrefix}:board-updates</c>, on one connection, so that a follower that hears of version v and reads the store
/// finds v or later. Followers apply the updates in order on their own task: an older epoch (a deposed leader) is
/// ignored; a new epoch, a gap, a resync word or a reconnection to Redis makes them take the stored board. Health
/// comes with every update, so a follower judges freshness by the leader's last good poll: with the leader or Redis
/// gone its board ages, pages say it is stale and <c>/readyz</c> reports not ready. A poll asked of a follower
/// (<see cref="PollerStatus.PollNow"/>) goes to the leader on <c>{KeyPrefix}:poll-now</c>.
/// </summary>
public sealed partial class BoardReplicator(
    IConnectionMultiplexer redis,
    AgentBoard board,
    PollerStatuses pollers,
    IOptions<ScaleOutOptions> options,
    TimeProvider timeProvider,
    ILogger<BoardReplicator> logger) : IHostedService, ILeadershipListener, IDisposable
{
    /// <summary>How every replicated message is written: System.Text.Json, camelCase.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Stores the board unless it holds a newer epoch's (a deposed leader's late write must not replace the new
    /// leader's board); the epoch is the value's first property, so the head of the value is enough to read it.
    /// </summary>
    private const string StoreUnlessNewerEpoch = """
        local head = redis.call('GETRANGE', KEYS[1], 0, 40)
        local stored = tonumber(string.match(head, '^{"epoch":(%d+)'))
        if stored and stored > tonumber(ARGV[2]) then return 0 end
        redis.call('SET', KEYS[1], ARGV[1])
        return 1
        """;

    private static readonly TimeSpan SubscribeRetry = TimeSpan.FromSeconds(1);

    private readonly RedisKey _boardKey = $"{options.Value.KeyPrefix}:board";
    private readonly RedisChannel _updates = RedisChannel.Literal($"{options.Value.KeyPrefix}:board-updates");
    private readonly RedisChannel _pollNow = RedisChannel.Literal($"{options.Value.KeyPrefix}:poll-now");

    // A message from the leader, or Null: take the stored board. One reader applies them in order.
    private readonly Channel<RedisValue> _inbox = Channel.CreateUnbounded<RedisValue>(new UnboundedChannelOptions { SingleReader = true });

    // Held while the board is changed on Redis's word, so that taking the lead never interleaves with a follower's apply.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task _following = Task.CompletedTask;
    private Task _subscribing = Task.CompletedTask;
    private CancellationTokenSource? _leaderStop;
    private Task _leading = Task.CompletedTask;
    private volatile bool _isLeader;
    private long _epoch;

    // This board holds versions the leader never published (a deposed leader's): no diff applies to it until it jumps.
    private bool _diverged;
    private int _republish;
    private int _redisFailing;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored += OnConnectionRestored;
        // The election may have made this replica the leader already.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ForwardPolls(!_isLeader);
        }
        finally
        {
            _gate.Release();
        }
        // A replica that starts takes the stored board at once rather than waiting for the leader's next update.
        _inbox.Writer.TryWrite(RedisValue.Null);
        _following = FollowAsync(_stopping.Token);
        _subscribing = SubscribeAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored -= OnConnectionRestored;
        await _stopping.CancelAsync();
        _inbox.Writer.TryComplete();
        await Task.WhenAll(_following, _subscribing, _leading).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>
    /// Before this term's pollers start: takes the stored board if it is newer, then moves past every version a
    /// previous leader could have published (a replacement, so subscribers see a jump, never a silent change), stores
    /// it under the new epoch and tells the followers to take it; then publishes every update of this board.
    /// </summary>
    public async Task TakingLeadAsync(LeadershipTerm term, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _isLeader = true;
            ForwardPolls(false);
            _epoch = Math.Max(_epoch, term.Epoch);
            _diverged = false;
            var stored = await ReadStoredAsync();
            if (stored is not null && stored.Snapshot.Version > board.Current.Version)
            {
                board.ReplaceFrom(stored.Snapshot, stored.Sources);
            }
            var state = board.ReplicaState();
            var latest = Math.Max(state.Snapshot.Version, stored?.Version ?? 0);
            // Nothing was ever published: the first poll makes version 1, as with one replica.
            if (latest > 0)
            {
                board.ReplaceFrom(state.Snapshot with { Version = latest + 1 }, state.Sources);
            }
            state = board.ReplicaState();
            LogTakingLead(logger, term.Epoch, state.Snapshot.Version);
            // Subscribed before the pollers start: nothing they publish is missed.
            var subscription = board.Subscribe();
            if (await PublishAsync(term.Epoch, state, [Resync(term.Epoch, state.Snapshot.Version)]) == Published.Failed)
            {
                Volatile.Write(ref _republish, 1);
            }
            _leaderStop = CancellationTokenSource.CreateLinkedTokenSource(term.Ended, _stopping.Token);
            _leading = LeadAsync(term.Epoch, subscription, _leaderStop.Token);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>After this term's pollers stopped: a follower again, starting from the stored board.</summary>
    public async Task LeadEndedAsync(LeadershipTerm term, CancellationToken cancellationToken)
    {
        if (_leaderStop is { } stop)
        {
            await stop.CancelAsync();
        }
        await _leading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _leaderStop?.Dispose();
            _leaderStop = null;
            _isLeader = false;
            ForwardPolls(true);
            // The watchdog stopped with the term; its word on a stall belongs to the leader now.
            foreach (var source in pollers.Sources)
            {
                pollers[source].SetStall(null);
            }
            LogLeadEnded(logger, term.Epoch);
        }
        finally
        {
            _gate.Release();
        }
        _inbox.Writer.TryWrite(RedisValue.Null);
    }

    private async Task LeadAsync(long epoch, BoardSubscription subscription, CancellationToken cancellationToken)
    {
        using var _ = subscription;
        var reader = subscription.Updates;
        var tracked = subscription.Initial.Version;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                var updates = new List<ReplicatedUpdate>();
                var gap = false;
                while (reader.TryRead(out var update))
                {
                    if (update.Diff is { } diff && diff.ToVersion > tracked)
                    {
                        // The queue dropped the oldest: the followers must take the stored board.
                        gap |= diff.FromVersion != tracked;
                        tracked = diff.ToVersion;
                        updates.Add(new ReplicatedUpdate { Epoch = epoch, Version = tracked, Diff = diff });
                    }
                    if (update.Health is { } health)
                    {
                        updates.Add(new ReplicatedUpdate { Epoch = epoch, Version = tracked, Health = health });
                    }
                }
                var state = board.ReplicaState();
                if (Interlocked.Exchange(ref _republish, 0) == 1)
                {
                    gap = true;
                }
                var messages = gap
                    ? [Resync(epoch, state.Snapshot.Version)]
                    : updates.Select((u, i) => u with
                    {
                        Sources = state.Sources,
                        ObservedAt = i == updates.Count - 1 && state.Snapshot.Version == u.Version ? state.Snapshot.ObservedAt : null,
                    }).ToList();
                switch (await PublishAsync(epoch, state, messages))
                {
                    case Published.Superseded:
                        LogSuperseded(logger, epoch);
                        return;
                    case Published.Failed:
                        // The followers missed these: once Redis answers again they take the stored board.
                        Volatile.Write(ref _republish, 1);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The term ended.
        }
    }

    private async Task<Published> PublishAsync(long epoch, BoardReplicaState state, IReadOnlyList<ReplicatedUpdate> messages)
    {
        var stored = new ReplicatedBoard { Epoch = epoch, Version = state.Snapshot.Version, Snapshot = state.Snapshot, Sources = state.Sources };
        try
        {
            var result = await redis.GetDatabase().ScriptEvaluateAsync(StoreUnlessNewerEpoch, [_boardKey],
                [JsonSerializer.SerializeToUtf8Bytes(stored, Json), epoch]);
            if ((long)result == 0)
            {
                return Published.Superseded;
            }
            // Queued in order on the same connection as the store, which therefore reaches Redis first.
            var subscriber = redis.GetSubscriber();
            await Task.WhenAll(messages.Select(m => subscriber.PublishAsync(_updates, JsonSerializer.SerializeToUtf8Bytes(m, Json))).ToList());
            RedisAnswers();
            return Published.Done;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            RedisFails(e);
            return Published.Failed;
        }
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _inbox.Reader.ReadAllAsync(cancellationToken))
            {
                await _gate.WaitAsync(cancellationToken);
                try
                {
                    if (_isLeader)
                    {
                        continue;
                    }
                    if (message.IsNull)
                    {
                        await TakeStoredAsync();
                    }
                    else
                    {
                        await ApplyAsync(message);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One bad message must not stop the replica following; the next gap or resync corrects it.
                    LogApplyFailed(logger, e);
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task ApplyAsync(RedisValue message)
    {
        var update = JsonSerializer.Deserialize<ReplicatedUpdate>((byte[])message!, Json)!;
        if (update.Epoch < _epoch)
        {
            LogOlderEpoch(logger, update.Epoch, _epoch);
            return;
        }
        if (update.Epoch > _epoch || update.Resync)
        {
            await TakeStoredAsync();
            return;
        }
        if (_diverged)
        {
            if (update.Version > board.Current.Version)
            {
                await TakeStoredAsync();
            }
            return;
        }
        if (update.Diff is { } diff && diff.ToVersion > board.Current.Version && !board.ApplyReplicated(diff))
        {
            await TakeStoredAsync();
            return;
        }
        if (update.Version < board.Current.Version)
        {
            // The stored board was newer than this message: its health is newer too.
            return;
        }
        if (update.Health is { } health)
        {
            board.PublishHealths(update.Sources, health);
        }
        if (update.ObservedAt is { } observedAt)
        {
            board.Observed(update.Version, observedAt);
        }
        if (update.Version > board.Current.Version)
        {
            await TakeStoredAsync();
        }
    }

    /// <summary>Replaces the board with the stored one when it is the newest epoch's and not older than this board.</summary>
    private async Task TakeStoredAsync()
    {
        var stored = await ReadStoredAsync();
        if (stored is null)
        {
            return;
        }
        if (stored.Epoch < _epoch)
        {
            LogOlderEpoch(logger, stored.Epoch, _epoch);
            return;
        }
        _epoch = stored.Epoch;
        var current = board.Current;
        var before = current.Version;
        // At one version the agents can differ only when this board holds a previous term's unpublished versions.
        _diverged = stored.Version < current.Version
            || (stored.Version == current.Version && !stored.Snapshot.Agents.SequenceEqual(current.Agents))
            || !board.ReplaceFrom(stored.Snapshot, stored.Sources);
        if (_diverged)
        {
            // Versions never go back on a board: this one (a deposed leader's) waits, ageing into "stale", until the
            // leader's versions pass it, then jumps to the leader's board.
            LogBehind(logger, stored.Version, before);
        }
        else if (stored.Version != before)
        {
            LogResynced(logger, before, stored.Version, stored.Epoch);
        }
    }

    private async Task<ReplicatedBoard?> ReadStoredAsync()
    {
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(_boardKey);
            RedisAnswers();
            return value.IsNull ? null : JsonSerializer.Deserialize<ReplicatedBoard>((byte[])value!, Json);
        }
        catch (JsonException e)
        {
            // Not this version's board (another deployment's key?): as if none were stored; the leader's next store replaces it.
            LogUnreadable(logger, e);
            return null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            RedisFails(e);
            return null;
        }
    }

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        var subscriber = redis.GetSubscriber();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                // StackExchange.Redis subscribes again by itself after a reconnection; messages meanwhile are lost,
                // which ConnectionRestored makes good by taking the stored board.
                var updates = await subscriber.SubscribeAsync(_updates);
                updates.OnMessage(m => _inbox.Writer.TryWrite(m.Message));
                var polls = await subscriber.SubscribeAsync(_pollNow);
                polls.OnMessage(m => OnPollNow(m.Message));
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                RedisFails(e);
                await Unsubscribe(subscriber);
            }
            try
            {
                await Task.Delay(SubscribeRetry, timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task Unsubscribe(ISubscriber subscriber)
    {
        try
        {
            await subscriber.UnsubscribeAsync(_updates);
            await subscriber.UnsubscribeAsync(_pollNow);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Redis is away: nothing is subscribed there either.
        }
    }

    private void OnPollNow(RedisValue message)
    {
        if (!_isLeader)
        {
            return;
        }
        var id = (string?)message;
        if (pollers.Sources.FirstOrDefault(s => s.Id == id) is { } source)
        {
            pollers[source].PollNow();
        }
    }

    /// <summary>While this replica does not poll, a poll asked of it goes to the leader.</summary>
    private void ForwardPolls(bool forward)
    {
        foreach (var source in pollers.Sources)
        {
            var id = source.Id;
            pollers[source].ForwardPollNow(forward ? () => ForwardPoll(id) : null);
        }
    }

    private void ForwardPoll(string source)
    {
        try
        {
            redis.GetSubscriber().Publish(_pollNow, source, CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            RedisFails(e);
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (_isLeader)
        {
            Volatile.Write(ref _republish, 1);
        }
        else
        {
            _inbox.Writer.TryWrite(RedisValue.Null);
        }
    }

    private static ReplicatedUpdate Resync(long epoch, long version) => new() { Epoch = epoch, Version = version, Resync = true };

    /// <summary>One warning when Redis stops answering, one line when it answers again: not one per update.</summary>
    private void RedisFails(Exception e)
    {
        if (Interlocked.Exchange(ref _redisFailing, 1) == 0)
        {
            // The endpoint and the kind of failure only: the connection string may hold a password.
            LogRedisFailing(logger, RedisEndpoints.Describe(redis), e.GetType().Name);
        }
    }

    private void RedisAnswers()
    {
        if (Interlocked.Exchange(ref _redisFailing, 0) == 1)
        {
            LogRedisBack(logger, RedisEndpoints.Describe(redis));
        }
    }

    public void Dispose()
    {
        _leaderStop?.Dispose();
        _stopping.Dispose();
        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Taking the lead in epoch {Epoch}: the board goes on from version {Version}")]
    private static partial void LogTakingLead(ILogger logger, long epoch, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lead of epoch {Epoch} ended: following the leader's board")]
    private static partial void LogLeadEnded(ILogger logger, long epoch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The board in Redis belongs to a newer epoch than this replica's {Epoch}: it no longer publishes")]
    private static partial void LogSuperseded(ILogger logger, long epoch);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignoring board update of epoch {Epoch}, older than {Current}: a deposed leader's")]
    private static partial void LogOlderEpoch(ILogger logger, long epoch, long current);

    [LoggerMessage(Level = LogLevel.Information, Message = "Took the leader's board from Redis: version {From} -> {To} (epoch {Epoch})")]
    private static partial void LogResynced(ILogger logger, long from, long to, long epoch);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The leader's board (version {Stored}) does not continue this replica's (version {Local}), which holds versions a previous term never published: its board stays stale until the leader's versions pass it")]
    private static partial void LogBehind(ILogger logger, long stored, long local);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The board stored in Redis cannot be read; waiting for the leader to store it again")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying a board update from Redis failed; the next one or a resync corrects the board")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis at {Endpoint} does not answer ({Failure}): the board is not replicated until it does")]
    private static partial void LogRedisFailing(ILogger logger, string endpoint, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis at {Endpoint} answers again: replicating the board")]
    private static partial void LogRedisBack(ILogger logger, string endpoint);
}
