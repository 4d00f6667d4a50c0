using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace SutWeb.History;

/// <summary>
/// The configured database: makes contexts of the provider's type and brings the schema up to date. The SQLite file
/// (and its folder) is created on first use, in WAL mode (pages read while the recorder writes) with incremental
/// auto-vacuum (pruning gives space back in small steps, <see cref="ReclaimSpaceAsync"/>).
/// </summary>
public sealed class HistoryDatabase
{
    private readonly HistoryOptions _options;
    private readonly DbContextOptions<SqliteHistoryDbContext>? _sqlite;
    private readonly DbContextOptions<PostgresHistoryDbContext>? _postgres;

    public HistoryDatabase(IOptions<HistoryOptions> options)
    {
        _options = options.Value;
        var timeout = (int)Math.Ceiling(_options.CommandTimeout.TotalSeconds);
        switch (_options.Provider)
        {
            case HistoryProvider.Sqlite:
                var file = new SqliteConnectionStringBuilder
                {
                    DataSource = SqliteFile,
                    // Also how long a write waits for a lock that another connection holds.
                    DefaultTimeout = timeout,
                    Pooling = true,
                };
                _sqlite = new DbContextOptionsBuilder<SqliteHistoryDbContext>()
                    .UseSqlite(file.ConnectionString, sqlite => sqlite.CommandTimeout(timeout))
                    .Options;
                break;
            case HistoryProvider.Postgres:
                _postgres = new DbContextOptionsBuilder<PostgresHistoryDbContext>()
                    .UseNpgsql(_options.ConnectionString, npgsql => npgsql.CommandTimeout(timeout))
                    .Options;
                break;
            default:
                throw new InvalidOperationException("History:Provider is None: there is no history database.");
        }
    }

    public HistoryProvider Provider => _options.Provider;

    /// <summary>The SQLite file's full path (also where the logs say history is).</summary>
    public string SqliteFile => Path.Combine(_options.ResolvedDataDirectory, HistoryOptions.SqliteFileName);

    /// <summary>Where history is, for a log line: the file, or PostgreSQL's host and database (never the password).</summary>
    public string Describe()
    {
        if (_options.Provider == HistoryProvider.Sqlite)
        {
            return SqliteFile;
        }
        try
        {
            var postgres = new Npgsql.NpgsqlConnectionStringBuilder(_options.ConnectionString);
            return $"PostgreSQL database {postgres.Database} on {postgres.Host}:{postgres.Port}";
        }
        catch (ArgumentException)
        {
            return "PostgreSQL (ConnectionStrings:History cannot be read)";
        }
    }

    public HistoryDbContext CreateContext() => _sqlite is not null
        ? new SqliteHistoryDbContext(_sqlite)
        : new PostgresHistoryDbContext(_postgres!);

    /// <summary>Creates the database when needed and applies every migration it lacks.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_sqlite is not null)
        {
            Directory.CreateDirectory(_options.ResolvedDataDirectory);
            await PrepareSqliteFileAsync(cancellationToken);
        }
        await using var context = CreateContext();
        await context.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>SQLite only: gives the free pages back to the file system, <paramref name="pagesPerStep"/> per statement, so no step holds the write lock long.</summary>
    public async Task ReclaimSpaceAsync(int pagesPerStep, CancellationToken cancellationToken)
    {
        if (_sqlite is null)
        {
            return; // PostgreSQL's autovacuum does this on its own.
        }
        // A pragma takes no parameters; the count is a number formatted here.
        var step = "PRAGMA incremental_vacuum(" + pagesPerStep.ToString(System.Globalization.CultureInfo.InvariantCulture) + ");";
        while (true)
        {
            await using var context = CreateContext();
            var connection = context.Database.GetDbConnection();
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA freelist_count;";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return;
            }
            command.CommandText = step;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Auto-vacuum can only be chosen before the first table exists (or by a full VACUUM after), so it is set first;
    /// WAL is a property of the file and stays once set.
    /// </summary>
    private async Task PrepareSqliteFileAsync(CancellationToken cancellationToken)
    {
        await using var context = CreateContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA auto_vacuum;";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) != 2)
        {
            command.CommandText = "PRAGMA auto_vacuum = INCREMENTAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table';";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                command.CommandText = "VACUUM;";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
