using SutWeb.Tests.History;

namespace SutWeb.Tests.Api;

public sealed class SqliteHistoryApiTests : HistoryApiTests
{
    protected override Task<HistoryTestDatabase> NewDatabaseAsync() => Task.FromResult<HistoryTestDatabase>(new SqliteTestDatabase());
}
