using SutWeb.Tests.EndToEnd;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.History;

/// <summary>
/// The run's throwaway PostgreSQL cluster (<see cref="ThrowawayPostgres"/>), one per <see cref="PostgresCollection"/>;
/// each test gets a database of its own. Without PostgreSQL the tests skip with the reason, except under
/// <c>CI=true</c>, where they fail.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private readonly ThrowawayPostgres _server = new();

    public int Port => _server.Port;

    /// <summary>Why there is no cluster; null when there is one.</summary>
    public string? Unavailable => _server.Unavailable;

    public Task InitializeAsync() => _server.InitializeAsync();

    /// <summary>Skips the calling test without a cluster, or fails it under CI=true.</summary>
    public void Require()
    {
        if (Unavailable is null)
        {
            return;
        }
        if (BrowserFixture.IsCi)
        {
            throw new InvalidOperationException($"{Unavailable} Under CI=true the PostgreSQL tests must run.");
        }
        Skip.If(true, Unavailable);
    }

    /// <summary>A new, empty database; its connection string (trust authentication: no password).</summary>
    public Task<string> CreateDatabaseAsync(string prefix)
    {
        Require();
        return _server.CreateDatabaseAsync(prefix);
    }

    public string ConnectionString(string database) => _server.ConnectionString(database);

    /// <summary>Stops the server (fast: open connections are cut), as a crashed or restarted database would.</summary>
    public Task StopAsync() => _server.StopAsync();

    public Task StartAsync() => _server.StartAsync();

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();
}
