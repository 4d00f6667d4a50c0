namespace SutWeb.Tests.History;

public sealed class SqliteRunExpectationsTests : RunExpectationsTests
{
    protected override Task<HistoryTestDatabase> NewDatabaseAsync() => Task.FromResult<HistoryTestDatabase>(new SqliteTestDatabase());
}
