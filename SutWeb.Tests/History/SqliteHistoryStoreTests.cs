using Microsoft.Data.Sqlite;
using SutWeb.History;

namespace SutWeb.Tests.History;

public sealed class SqliteHistoryStoreTests : HistoryStoreTests
{
    protected override Task<HistoryTestDatabase> NewDatabaseAsync() => Task.FromResult<HistoryTestDatabase>(new SqliteTestDatabase());

    [Fact]
    public async Task Open_NewFolder_CreatesFileInWalModeWithIncrementalVacuum()
    {
        await using var test = new SqliteTestDatabase();

        await test.OpenAsync();

        Assert.True(File.Exists(test.File));
        Assert.Equal("wal", await PragmaAsync(test.File, "journal_mode"));
        Assert.Equal("2", await PragmaAsync(test.File, "auto_vacuum")); // INCREMENTAL
    }

    [Fact]
    public async Task Retention_ManyRunsDeleted_FreePagesGoBackToTheFileSystem()
    {
        await using var test = new SqliteTestDatabase();
        var database = await test.OpenAsync(o => o.KeepRuns = TimeSpan.FromDays(1));
        var old = DateTimeOffset.UtcNow.AddDays(-10);
        var log = new string('x', RunOutcomes.MaxLastLogChars);
        var store = new HistoryStore(database);
        for (var batch = 0; batch < 4; batch++)
        {
            await store.ApplyAsync([.. Enumerable.Range(0, 500).Select(i => Run($"old-{batch}-{i}", "lab-1", old, RunOutcomes.Passed) with { LastLog = log })], [], CancellationToken.None);
        }
        var pagesBefore = long.Parse(await PragmaAsync(test.File, "page_count"), System.Globalization.CultureInfo.InvariantCulture);

        var status = new HistoryStatus();
        using var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new HistoryMetrics(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(services), new PendingWrites(1), status);
        var pruner = new HistoryPruner(database, status, metrics, TimeProvider.System,
            Microsoft.Extensions.Options.Options.Create(test.Options(o => o.KeepRuns = TimeSpan.FromDays(1))),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<HistoryPruner>.Instance);
        await pruner.PruneAsync(CancellationToken.None);

        Assert.Equal(0, await CountRunsAsync(database));
        var pagesAfter = long.Parse(await PragmaAsync(test.File, "page_count"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(pagesAfter < pagesBefore / 4, $"the file kept {pagesAfter} of {pagesBefore} pages");
        Assert.Equal("0", await PragmaAsync(test.File, "freelist_count"));
    }

    private static async Task<string> PragmaAsync(string file, string pragma)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
