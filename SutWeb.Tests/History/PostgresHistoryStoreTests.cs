namespace SutWeb.Tests.History;

[Collection(PostgresCollection.Name)]
public sealed class PostgresHistoryStoreTests(PostgresCluster cluster) : HistoryStoreTests
{
    protected override async Task<HistoryTestDatabase> NewDatabaseAsync() =>
        new PostgresTestDatabase(cluster, await cluster.CreateDatabaseAsync("store"));
}
