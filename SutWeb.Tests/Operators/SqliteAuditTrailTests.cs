using SutWeb.Tests.History;

namespace SutWeb.Tests.Operators;

public sealed class SqliteAuditTrailTests : AuditTrailTests
{
    protected override Task<HistoryTestDatabase> NewDatabaseAsync() => Task.FromResult<HistoryTestDatabase>(new SqliteTestDatabase());
}
