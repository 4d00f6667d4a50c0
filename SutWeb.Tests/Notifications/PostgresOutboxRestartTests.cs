using SutWeb.Tests.History;

namespace SutWeb.Tests.Notifications;

[Collection(PostgresCollection.Name)]
public sealed class PostgresOutboxRestartTests(PostgresCluster cluster) : OutboxRestartTests
{
    protected override async Task<HistoryTestDatabase> NewDatabaseAsync() =>
        new PostgresTestDatabase(cluster, await cluster.CreateDatabaseAsync("outbox"));
}
