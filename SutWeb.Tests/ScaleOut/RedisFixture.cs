using SutWeb.Tests.EndToEnd;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.ScaleOut;

/// <summary>
/// The run's throwaway Redis (<see cref="ThrowawayRedis"/>), shared by the <see cref="History.PostgresCollection"/>
/// (scale-out needs both, and some tests kill it). Tests keep apart by a key prefix of their own
/// (<see cref="NewPrefix"/>). Without <c>redis-server</c> the tests skip with the reason, except under <c>CI=true</c>,
/// where they fail.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private readonly ThrowawayRedis _server = new();
    private int _prefixes;

    public ThrowawayRedis Server => _server;

    public string ConnectionString
    {
        get
        {
            Require();
            return _server.ConnectionString;
        }
    }

    /// <summary>A <c>ScaleOut:KeyPrefix</c> no other test uses.</summary>
    public string NewPrefix(string test) => $"{test.ToLowerInvariant()}-{Interlocked.Increment(ref _prefixes)}";

    public Task InitializeAsync() => _server.InitializeAsync();

    /// <summary>Skips the calling test without Redis, or fails it under CI=true.</summary>
    public void Require()
    {
        if (_server.Unavailable is not { } unavailable)
        {
            return;
        }
        if (BrowserFixture.IsCi)
        {
            throw new InvalidOperationException($"{unavailable} Under CI=true the Redis tests must run.");
        }
        Skip.If(true, unavailable);
    }

    /// <summary>Kills Redis (as a crash would) and, with <see cref="StartAsync"/>, brings it back on the same port.</summary>
    public Task KillAsync() => _server.KillAsync();

    public Task StartAsync() => _server.StartAsync();

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();
}
