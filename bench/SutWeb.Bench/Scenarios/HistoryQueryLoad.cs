using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SutWeb.Bench.Reporting;
using SutWeb.History;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// Issue 13's second bench row: a history database holding many runs (1,000,000 by default) of 10,000 agents over 180
/// days, bulk-loaded into the migrated schema (SQLite: a prepared INSERT, 50,000 rows per transaction; PostgreSQL: binary
/// COPY), not through the recorder, which would take days of polls; then
/// the two pages people open most, through <see cref="HistoryQueries"/> as the API and pages call it: one agent's
/// newest runs, and every run of one model with one outcome; and the database's size.
/// </summary>
public static class HistoryQueryLoad
{
    public const int Agents = 10_000;
    private const int Models = 40;
    private const int BatchSize = 50_000;
    private const string Columns = "\"Source\", \"ExecutionId\", \"AgentName\", \"Port\", \"RunId\", \"ProcessId\", \"ModelName\", \"UserName\", \"Type\", "
        + "\"Initiator\", \"StartTime\", \"EndTime\", \"Outcome\", \"DurationSeconds\", \"LastLog\", \"UpdatedAt\"";
    private const int WarmupQueries = 20;
    private static readonly TimeSpan Span = TimeSpan.FromDays(180);

    /// <param name="settings">History's configuration as the host reads it (<c>History:Provider</c>, <c>ConnectionStrings:History</c>, …).</param>
    public static async Task<HistoryQueryResult> MeasureAsync(string provider, IReadOnlyDictionary<string, string?> settings, int runs, int queries)
    {
        // The product's own registration, so that the settings are read as the host reads them.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddHistory(configuration).BuildServiceProvider();
        var database = services.GetRequiredService<HistoryDatabase>();
        await database.MigrateAsync(CancellationToken.None);
        var loading = Stopwatch.StartNew();
        await LoadAsync(database, runs, settings.GetValueOrDefault("ConnectionStrings:History"));
        loading.Stop();
        Console.WriteLine($"history {provider}: {runs:N0} runs loaded in {loading.Elapsed.TotalSeconds:0} s");
        if (database.Provider == HistoryProvider.Postgres)
        {
            // What autovacuum does shortly after a bulk load anyway: statistics for the planner.
            await using var context = database.CreateContext();
            await context.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        var history = services.GetRequiredService<HistoryQueries>();
        var random = new Random(13);
        var agentPage = await TimeAsync(queries, () => new RunQuery { Source = "s0", AgentName = AgentName(random.Next(Agents)) }, history);
        var modelPage = await TimeAsync(queries, () => new RunQuery { ModelName = ModelName(random.Next(Models)), Outcomes = [RunOutcomes.Failed] }, history);
        var bytes = await SizeAsync(database, settings);
        var result = new HistoryQueryResult(provider, runs, loading.Elapsed.TotalSeconds, bytes, agentPage, modelPage);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"history {provider}: agent page p50 {agentPage.P50:0.0} ms p95 {agentPage.P95:0.0} ms; model+outcome page p50 {modelPage.P50:0.0} ms p95 {modelPage.P95:0.0} ms; "
            + $"{Format.MiB(bytes)} ({Format.MiB(result.BytesPerMillionRuns)} per million runs)"));
        return result;
    }

    private static async Task<Distribution> TimeAsync(int queries, Func<RunQuery> next, HistoryQueries history)
    {
        var times = new List<double>(queries);
        for (var i = 0; i < WarmupQueries + queries; i++)
        {
            var query = next();
            var started = Stopwatch.GetTimestamp();
            var page = await history.RunsAsync(query);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (page.Items.Count == 0)
            {
                throw new InvalidOperationException($"No runs for {query}: the load went wrong.");
            }
            if (i >= WarmupQueries)
            {
                times.Add(elapsed);
            }
        }
        return Distribution.Of(times);
    }

    private static async Task LoadAsync(HistoryDatabase database, int runs, string? connectionString)
    {
        var random = new Random(42);
        var newest = DateTimeOffset.UtcNow.AddMinutes(-10);
        var step = Span / runs;
        var generated = Enumerable.Range(0, runs).Select(i => Run(i, newest - step * (runs - i), random));
        if (database.Provider == HistoryProvider.Postgres)
        {
            await CopyAsync(connectionString!, generated);
        }
        else
        {
            await using var context = database.CreateContext();
            await InsertAsync((SqliteConnection)context.Database.GetDbConnection(), generated);
        }
    }

    private static HistoryRun Run(int i, DateTimeOffset start, Random random)
    {
        var duration = 60 + random.Next(3_540);
        var roll = random.NextDouble();
        var outcome = roll < 0.7 ? RunOutcomes.Passed : roll < 0.9 ? RunOutcomes.Failed : roll < 0.98 ? RunOutcomes.Incomplete : RunOutcomes.Lost;
        var agent = i % Agents;
        return new HistoryRun
        {
            Source = "s0",
            ExecutionId = "exec-" + i.ToString("D8", CultureInfo.InvariantCulture),
            AgentName = AgentName(agent),
            Port = 5400 + agent,
            RunId = (1_000_000 + i).ToString(CultureInfo.InvariantCulture),
            ProcessId = 20_000 + random.Next(40_000),
            ModelName = ModelName(random.Next(Models)),
            UserName = "user" + random.Next(20).ToString(CultureInfo.InvariantCulture),
            Type = "model",
            Initiator = random.Next(4) == 0 ? "api" : "ui",
            StartTime = start,
            EndTime = start.AddSeconds(duration),
            Outcome = outcome,
            DurationSeconds = duration,
            LastLog = LastLog(random, outcome),
            UpdatedAt = start.AddSeconds(duration),
        };
    }

    /// <summary>PostgreSQL's bulk path: one binary COPY.</summary>
    private static async Task CopyAsync(string connectionString, IEnumerable<HistoryRun> runs)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"Runs\" ({Columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var run in runs)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(run.Source, NpgsqlDbType.Text);
            await copy.WriteAsync(run.ExecutionId, NpgsqlDbType.Text);
            await copy.WriteAsync(run.AgentName, NpgsqlDbType.Text);
            await copy.WriteAsync(run.Port!.Value, NpgsqlDbType.Integer);
            await copy.WriteAsync(run.RunId, NpgsqlDbType.Text);
            await copy.WriteAsync(run.ProcessId!.Value, NpgsqlDbType.Integer);
            await copy.WriteAsync(run.ModelName, NpgsqlDbType.Text);
            await copy.WriteAsync(run.UserName, NpgsqlDbType.Text);
            await copy.WriteAsync(run.Type, NpgsqlDbType.Text);
            await copy.WriteAsync(run.Initiator, NpgsqlDbType.Text);
            await copy.WriteAsync(run.StartTime.UtcDateTime, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(run.EndTime!.Value.UtcDateTime, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(run.Outcome, NpgsqlDbType.Text);
            await copy.WriteAsync(run.DurationSeconds!.Value, NpgsqlDbType.Double);
            await copy.WriteAsync(run.LastLog, NpgsqlDbType.Text);
            await copy.WriteAsync(run.UpdatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        }
        await copy.CompleteAsync();
    }

    /// <summary>SQLite's bulk path: one prepared INSERT, many rows per transaction; times as UTC ticks, as the model stores them.</summary>
    private static async Task InsertAsync(SqliteConnection connection, IEnumerable<HistoryRun> runs)
    {
        await connection.OpenAsync();
        var names = Columns.Split(", ");
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"Runs\" ({Columns}) VALUES ({string.Join(", ", names.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = names.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();
        SqliteTransaction? transaction = null;
        var rows = 0;
        foreach (var run in runs)
        {
            if (rows++ % BatchSize == 0)
            {
                if (transaction is not null)
                {
                    await transaction.CommitAsync();
                    await transaction.DisposeAsync();
                }
                transaction = connection.BeginTransaction();
                command.Transaction = transaction;
            }
            object?[] values =
            [
                run.Source, run.ExecutionId, run.AgentName, run.Port, run.RunId, run.ProcessId, run.ModelName, run.UserName, run.Type,
                run.Initiator, run.StartTime.UtcTicks, run.EndTime!.Value.UtcTicks, run.Outcome, run.DurationSeconds, run.LastLog, run.UpdatedAt.UtcTicks,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync();
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync();
            await transaction.DisposeAsync();
        }
    }

    /// <summary>The end of a log as the simulator writes them: a few lines, about 300 characters.</summary>
    private static string LastLog(Random random, string outcome)
    {
        var lines = Enumerable.Range(0, 4).Select(_ => string.Create(CultureInfo.InvariantCulture,
            $"2026-11-25 10:{random.Next(60):D2}:{random.Next(60):D2} step {random.Next(1000)}: click \"Submit\" on screen {random.Next(50)}"));
        return string.Join("\r\n", lines) + "\r\nExecution finished: " + outcome;
    }

    private static string AgentName(int agent) => "agent-" + (agent + 1).ToString("D5", CultureInfo.InvariantCulture);

    private static string ModelName(int model) => "Model " + (model + 1).ToString("D2", CultureInfo.InvariantCulture);

    private static async Task<long> SizeAsync(HistoryDatabase database, IReadOnlyDictionary<string, string?> settings)
    {
        if (database.Provider == HistoryProvider.Sqlite)
        {
            await using (var context = database.CreateContext())
            {
                // Everything into the main file: the WAL would otherwise hold the last writes.
                await context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return new FileInfo(database.SqliteFile).Length;
        }
        await using var connection = new NpgsqlConnection(settings["ConnectionStrings:History"]);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
