namespace SutWeb.Tests.History;

[Collection(PostgresCollection.Name)]
public sealed class PostgresRunExpectationsTests(PostgresCluster cluster) : RunExpectationsTests
{
    protected override async Task<HistoryTestDatabase> NewDatabaseAsync() =>
        new PostgresTestDatabase(cluster, await cluster.CreateDatabaseAsync("expectations"));
}
