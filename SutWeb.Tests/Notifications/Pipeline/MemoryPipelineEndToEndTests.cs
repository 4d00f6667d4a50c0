using SutWeb.Tests.History;

namespace SutWeb.Tests.Notifications.Pipeline;

/// <summary>The pipeline with <c>History:Provider=None</c>: the outbox is kept in memory.</summary>
public sealed class MemoryPipelineEndToEndTests : NotificationPipelineEndToEndTests
{
    protected override HistoryTestDatabase? NewDatabase() => null;

    protected override bool Durable => false;
}
