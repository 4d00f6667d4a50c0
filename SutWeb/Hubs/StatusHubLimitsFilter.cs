using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace SutWeb.Hubs;

/// <summary>
/// Caps the connections to the status hub and the <c>GetSnapshot</c> calls of each. A connection over the cap is
/// closed right after the handshake with a <see cref="HubException"/>, whose message SignalR passes to the client
/// (.NET: the <c>Closed</c> event's exception; JavaScript: <c>onclose</c>'s error), and with reconnecting
/// disallowed; a call over its limit fails with a <see cref="HubException"/> that says when to try again. It is the one
/// place that counts the hub's clients; telemetry observes <see cref="Connections"/> and <see cref="Refused"/>.
/// </summary>
public sealed partial class StatusHubLimitsFilter : IHubFilter, IDisposable
{
    private const string AdmittedKey = "sutweb.admitted";

    private readonly IOptions<HubLimitsOptions> _options;
    private readonly ILogger<StatusHubLimitsFilter> _logger;
    private readonly PartitionedRateLimiter<string> _snapshotCalls;
    private int _connections;

    public StatusHubLimitsFilter(IOptions<HubLimitsOptions> options, ILogger<StatusHubLimitsFilter> logger)
    {
        _options = options;
        _logger = logger;
        var perMinute = options.Value.SnapshotCallsPerMinute;
        // One window per connection; a partition that is fully replenished is idle and is dropped by the limiter.
        _snapshotCalls = PartitionedRateLimiter.Create<string, string>(connectionId =>
            RateLimitPartition.GetFixedWindowLimiter(connectionId, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
    }

    /// <summary>A connection or call refused by a limit: <c>max-connections</c> or <c>snapshot-calls</c>.</summary>
    public event Action<string>? Refused;

    /// <summary>Connections admitted and not yet gone.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var max = _options.Value.MaxConnections;
        if (Interlocked.Increment(ref _connections) > max)
        {
            Interlocked.Decrement(ref _connections);
            Refused?.Invoke("max-connections");
            LogConnectionRefused(_logger, max);
            throw new HubException(
                $"SutWeb already serves its maximum of {max} hub connections (Hub:MaxConnections); try again later.");
        }
        context.Context.Items[AdmittedKey] = true;
        try
        {
            await next(context);
        }
        catch
        {
            // SignalR does not call OnDisconnectedAsync for a connection whose OnConnectedAsync failed.
            Release(context.Context);
            throw;
        }
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        Release(context.Context);
        return next(context, exception);
    }

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocationContext.HubMethodName == nameof(StatusHub.GetSnapshot))
        {
            using var lease = _snapshotCalls.AttemptAcquire(invocationContext.Context.ConnectionId);
            if (!lease.IsAcquired)
            {
                var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                Refused?.Invoke("snapshot-calls");
                throw new HubException(string.Create(CultureInfo.InvariantCulture,
                    $"GetSnapshot is limited to {_options.Value.SnapshotCallsPerMinute} calls a minute per connection (Hub:SnapshotCallsPerMinute): try again in {seconds} s, and apply the Diff messages in between."));
            }
        }
        return next(invocationContext);
    }

    public void Dispose() => _snapshotCalls.Dispose();

    private void Release(HubCallerContext context)
    {
        if (context.Items.Remove(AdmittedKey))
        {
            Interlocked.Decrement(ref _connections);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a hub connection: already {Max} connected (Hub:MaxConnections)")]
    private static partial void LogConnectionRefused(ILogger logger, int max);
}
