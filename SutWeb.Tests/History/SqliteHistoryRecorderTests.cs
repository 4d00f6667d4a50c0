namespace SutWeb.Tests.History;

public sealed class SqliteHistoryRecorderTests : HistoryRecorderTests
{
    protected override Task<HistoryTestDatabase> NewDatabaseAsync() => Task.FromResult<HistoryTestDatabase>(new SqliteTestDatabase());
}
