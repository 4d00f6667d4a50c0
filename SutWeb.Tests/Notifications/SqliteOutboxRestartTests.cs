using SutWeb.Tests.History;

namespace SutWeb.Tests.Notifications;

public sealed class SqliteOutboxRestartTests : OutboxRestartTests
{
    protected override Task<HistoryTestDatabase> NewDatabaseAsync() => Task.FromResult<HistoryTestDatabase>(new SqliteTestDatabase());
}
