namespace SutWeb.Tests.History;

/// <summary>
/// Every PostgreSQL and Redis test class is in this collection: one cluster and one Redis for the run, and no two tests
/// at once (some tests stop a server). Scale-out needs both.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>, ICollectionFixture<ScaleOut.RedisFixture>
{
    public const string Name = "PostgreSQL";
}
