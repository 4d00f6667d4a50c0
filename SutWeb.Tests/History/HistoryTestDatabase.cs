using Microsoft.Extensions.Options;
using SutWeb.History;

namespace SutWeb.Tests.History;

/// <summary>
/// A real history database for one test, on one provider: the settings that point SutWeb at it, and a way to make it
/// unavailable and available again as a failing database would.
/// </summary>
public abstract class HistoryTestDatabase : IAsyncDisposable
{
    public abstract HistoryProvider Provider { get; }

    /// <summary>History settings for <see cref="TestSupport.SutWebHost"/>; a short command timeout so an unavailable database fails fast.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The database stops taking writes (SQLite: another process holds its write lock; PostgreSQL: the server stops).</summary>
    public abstract Task StopAsync();

    public abstract Task StartAsync();

    /// <summary>The same database for code under test built by hand (the pruner, the store).</summary>
    public HistoryOptions Options(Action<HistoryOptions>? configure = null)
    {
        var options = new HistoryOptions { Provider = Provider, CommandTimeout = TimeSpan.FromSeconds(1) };
        Configure(options);
        configure?.Invoke(options);
        return options;
    }

    protected abstract void Configure(HistoryOptions options);

    /// <summary>A migrated database, opened as SutWeb opens it.</summary>
    public async Task<HistoryDatabase> OpenAsync(Action<HistoryOptions>? configure = null)
    {
        var database = new HistoryDatabase(Microsoft.Extensions.Options.Options.Create(Options(configure)));
        await database.MigrateAsync(CancellationToken.None);
        return database;
    }

    public abstract ValueTask DisposeAsync();
}
