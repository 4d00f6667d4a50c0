using SutWeb.History;

namespace SutWeb.Tests.History;

/// <summary>A database of its own in the run's <see cref="PostgresCluster"/>.</summary>
public sealed class PostgresTestDatabase(PostgresCluster cluster, string connectionString) : HistoryTestDatabase
{
    public override HistoryProvider Provider => HistoryProvider.Postgres;

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["History:Provider"] = "Postgres",
        ["ConnectionStrings:History"] = connectionString,
        ["History:CommandTimeout"] = "00:00:01",
    };

    protected override void Configure(HistoryOptions options) => options.ConnectionString = connectionString;

    public override Task StopAsync() => cluster.StopAsync();

    public override Task StartAsync() => cluster.StartAsync();

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
