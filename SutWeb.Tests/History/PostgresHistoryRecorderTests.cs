namespace SutWeb.Tests.History;

[Collection(PostgresCollection.Name)]
public sealed class PostgresHistoryRecorderTests(PostgresCluster cluster) : HistoryRecorderTests
{
    protected override async Task<HistoryTestDatabase> NewDatabaseAsync() =>
        new PostgresTestDatabase(cluster, await cluster.CreateDatabaseAsync("recorder"));
}
