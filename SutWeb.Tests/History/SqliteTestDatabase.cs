using Microsoft.Data.Sqlite;
using SutWeb.History;

namespace SutWeb.Tests.History;

/// <summary>A SQLite file in a temporary folder of its own, deleted at the end.</summary>
public sealed class SqliteTestDatabase : HistoryTestDatabase
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sutweb-history-").FullName;
    private SqliteConnection? _lock;

    public override HistoryProvider Provider => HistoryProvider.Sqlite;

    public string File => Path.Combine(_directory, HistoryOptions.SqliteFileName);

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["History:Provider"] = "Sqlite",
        ["History:DataDirectory"] = _directory,
        ["History:CommandTimeout"] = "00:00:01",
    };

    protected override void Configure(HistoryOptions options) => options.DataDirectory = _directory;

    /// <summary>Takes the file's write lock and holds it, as a backup tool or a stuck process would: writers wait and fail.</summary>
    public override async Task StopAsync()
    {
        _lock = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = File, Pooling = false }.ConnectionString);
        await _lock.OpenAsync();
        await using var command = _lock.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE;";
        await command.ExecuteNonQueryAsync();
    }

    public override async Task StartAsync()
    {
        if (_lock is not null)
        {
            await _lock.DisposeAsync(); // Rolls back, releasing the lock.
            _lock = null;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await StartAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A host still closing may hold the file a moment longer; the folder is in the temporary area.
        }
    }
}
