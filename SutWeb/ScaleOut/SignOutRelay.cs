using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SutWeb.Identity;

namespace SutWeb.ScaleOut;

/// <summary>
/// A sign-out holds on every replica: each one ended here is published through Redis (and kept in a sorted set for
/// replicas that start later) and ended on the others, so a copied cookie is refused and open circuits lose their
/// operator rights wherever they are. Without operator sign-in it does nothing.
/// </summary>
public sealed partial class SignOutRelay(
    IConnectionMultiplexer redis,
    IOptions<ScaleOutOptions> options,
    IServiceProvider services,
    TimeProvider time,
    ILogger<SignOutRelay> logger) : IHostedService
{
    private OperatorSessions? _sessions;
    private TimeSpan _keep;

    private RedisChannel Channel => RedisChannel.Literal($"{options.Value.KeyPrefix}:signed-out");

    private RedisKey Ended => $"{options.Value.KeyPrefix}:signed-out";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _sessions = services.GetService<OperatorSessions>();
        if (_sessions is null)
        {
            return;
        }
        _keep = services.GetRequiredService<IOptions<OidcOptions>>().Value.MaxLifetime;
        _sessions.SignedOutHere += Publish;
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Channel, (_, session) => _sessions.EndedElsewhere(session!));
            // Sign-outs from before this replica started: no cookie of theirs may work here either.
            var since = time.GetUtcNow() - _keep;
            foreach (var session in await redis.GetDatabase().SortedSetRangeByScoreAsync(Ended, since.ToUnixTimeMilliseconds()))
            {
                _sessions.EndedElsewhere(session!);
            }
        }
        catch (RedisException e)
        {
            LogRedisUnavailable(logger, e.GetType().Name);
        }
    }

    private async void Publish(string session)
    {
        try
        {
            var now = time.GetUtcNow();
            var database = redis.GetDatabase();
            await database.SortedSetAddAsync(Ended, session, now.ToUnixTimeMilliseconds());
            await database.SortedSetRemoveRangeByScoreAsync(Ended, double.NegativeInfinity, (now - _keep).ToUnixTimeMilliseconds());
            await redis.GetSubscriber().PublishAsync(Channel, session);
        }
        // Whatever went wrong: an exception must not leave an async void handler (it would end the process).
        catch (Exception e)
        {
            LogRedisUnavailable(logger, e.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sessions is not null)
        {
            _sessions.SignedOutHere -= Publish;
        }
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sign-out could not be shared through Redis ({Reason}); other replicas accept that sign-in until it expires")]
    private static partial void LogRedisUnavailable(ILogger logger, string reason);
}
