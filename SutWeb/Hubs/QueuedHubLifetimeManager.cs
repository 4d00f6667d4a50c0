using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace SutWeb.Hubs;

/// <summary>
/// SignalR's default lifetime manager, except that a broadcast is serialised once and queued per client instead of
/// awaited for all: a stalled client then delays nobody else, and its bounded queue drops the oldest messages (the
/// client sees a version gap and takes a snapshot). A client stalled past <see cref="HubFanoutOptions.StallTimeout"/>
/// is disconnected, so that a dead reader costs no memory for long. Every send to all or to chosen connections takes
/// the queues; groups, users and client results, which the hub does not use, throw rather than bypass them.
/// </summary>
public sealed partial class QueuedHubLifetimeManager<THub>(
    ILogger<DefaultHubLifetimeManager<THub>> defaultLogger,
    IOptions<HubFanoutOptions> options,
    TimeProvider timeProvider,
    ILogger<QueuedHubLifetimeManager<THub>> logger)
    : DefaultHubLifetimeManager<THub>(defaultLogger) where THub : Hub
{
    private readonly ConcurrentDictionary<string, ClientQueue> _queues = new();

    /// <summary>Messages dropped so far because clients could not keep up.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    private long _dropped;

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await base.OnConnectedAsync(connection);
        var queue = new ClientQueue(connection, options.Value.QueueCapacity, () => Interlocked.Increment(ref _dropped));
        _queues[connection.ConnectionId] = queue;
        // The pump catches everything itself; it ends when the client goes.
        _ = PumpAsync(queue);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        if (_queues.TryRemove(connection.ConnectionId, out var queue))
        {
            queue.Complete();
        }
        await base.OnDisconnectedAsync(connection);
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        Enqueue(_queues.Values, methodName, args);

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds,
        CancellationToken cancellationToken = default) =>
        Enqueue(_queues.Values.Where(q => !excludedConnectionIds.Contains(q.Connection.ConnectionId)), methodName, args);

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendConnectionsAsync([connectionId], methodName, args, cancellationToken);

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args,
        CancellationToken cancellationToken = default) =>
        Enqueue(connectionIds.Select(id => _queues.TryGetValue(id, out var queue) ? queue : null).OfType<ClientQueue>(), methodName, args);

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        throw Unsupported("groups");

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args,
        CancellationToken cancellationToken = default) =>
        throw Unsupported("groups");

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds,
        CancellationToken cancellationToken = default) =>
        throw Unsupported("groups");

    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        throw Unsupported("groups");

    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        throw Unsupported("groups");

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        throw Unsupported("users");

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args,
        CancellationToken cancellationToken = default) =>
        throw Unsupported("users");

    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        throw Unsupported("client results");

    /// <summary>Serialised once (per protocol, on first write), queued for each client; never waits for one.</summary>
    private static Task Enqueue(IEnumerable<ClientQueue> queues, string methodName, object?[] args)
    {
        var message = new SerializedHubMessage(new InvocationMessage(methodName, args));
        foreach (var queue in queues)
        {
            queue.Enqueue(message);
        }
        return Task.CompletedTask;
    }

    private static NotSupportedException Unsupported(string feature) => new(
        $"The status hub sends through per-client queues, which do not cover {feature}; add them to {nameof(QueuedHubLifetimeManager<THub>)} before using them.");

    private async Task PumpAsync(ClientQueue queue)
    {
        var stallTimeout = options.Value.StallTimeout;
        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync(queue.Closed))
            {
                var write = queue.Connection.WriteAsync(message, queue.Closed);
                if (write.IsCompletedSuccessfully)
                {
                    continue;
                }
                var pending = write.AsTask();
                if (await Task.WhenAny(pending, Task.Delay(stallTimeout, timeProvider, queue.Closed)) != pending)
                {
                    LogStalled(logger, queue.Connection.ConnectionId, stallTimeout.TotalSeconds);
                    queue.Connection.Abort();
                    return;
                }
                await pending;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            LogWriteFailed(logger, queue.Connection.ConnectionId, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub client {ConnectionId} took no message for {Seconds} s and was disconnected")]
    private static partial void LogStalled(ILogger logger, string connectionId, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Writing to hub client {ConnectionId} failed")]
    private static partial void LogWriteFailed(ILogger logger, string connectionId, Exception exception);

    private sealed class ClientQueue
    {
        private readonly Channel<SerializedHubMessage> _channel;
        private readonly CancellationTokenSource _closed = new();

        public ClientQueue(HubConnectionContext connection, int capacity, Action onDropped)
        {
            Connection = connection;
            _channel = Channel.CreateBounded<SerializedHubMessage>(
                new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                _ => onDropped());
        }

        public HubConnectionContext Connection { get; }

        public ChannelReader<SerializedHubMessage> Reader => _channel.Reader;

        public CancellationToken Closed => _closed.Token;

        public void Enqueue(SerializedHubMessage message) => _channel.Writer.TryWrite(message);

        public void Complete()
        {
            _channel.Writer.TryComplete();
            _closed.Cancel();
        }
    }
}
