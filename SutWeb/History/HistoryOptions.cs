namespace SutWeb.History;

/// <summary>How runs and agent events are kept (configuration section "History").</summary>
public sealed class HistoryOptions
{
    public const string Section = "History";

    /// <summary>The name under <c>ConnectionStrings</c> that the <see cref="HistoryProvider.Postgres"/> provider reads.</summary>
    public const string ConnectionStringName = "History";

    /// <summary>The SQLite file's name under <see cref="DataDirectory"/>.</summary>
    public const string SqliteFileName = "sutweb.db";

    public HistoryProvider Provider { get; set; } = HistoryProvider.Sqlite;

    /// <summary>The folder of the SQLite file; empty: <c>data</c> beside the app (<c>/app/data</c> in the image).</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>Runs that started longer ago than this are deleted.</summary>
    public TimeSpan KeepRuns { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Agent events (and gaps) older than this are deleted.</summary>
    public TimeSpan KeepEvents { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Writes kept in memory while the database cannot take them; past it they are dropped and a gap is recorded.</summary>
    public int MaxPendingWrites { get; set; } = 100_000;

    /// <summary>How long one database command may take (on SQLite also how long it waits for a lock) before it fails.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often old history is pruned.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Filled from <c>ConnectionStrings:History</c>, not from this section.</summary>
    internal string? ConnectionString { get; set; }

    /// <summary>The folder the SQLite file is in: <see cref="DataDirectory"/>, relative to the app's folder.</summary>
    public string ResolvedDataDirectory =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(DataDirectory) ? "data" : DataDirectory, AppContext.BaseDirectory);
}
