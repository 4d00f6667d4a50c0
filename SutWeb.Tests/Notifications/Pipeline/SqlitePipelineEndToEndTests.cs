using SutWeb.Tests.History;

namespace SutWeb.Tests.Notifications.Pipeline;

/// <summary>The pipeline with history on SQLite in a temporary folder: the outbox is durable.</summary>
public sealed class SqlitePipelineEndToEndTests : NotificationPipelineEndToEndTests
{
    protected override HistoryTestDatabase? NewDatabase() => new SqliteTestDatabase();

    protected override bool Durable => true;
}
