namespace SutWeb.Tests.History;

/// <summary>Every PostgreSQL test class is in this collection: one cluster for the run, and no two tests at once (one test stops the server).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
