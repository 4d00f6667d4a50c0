using SutWeb.Tests.History;

namespace SutWeb.Tests.Operators;

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditTrailTests(PostgresCluster cluster) : AuditTrailTests
{
    protected override async Task<HistoryTestDatabase> NewDatabaseAsync() =>
        new PostgresTestDatabase(cluster, await cluster.CreateDatabaseAsync("audit"));
}
