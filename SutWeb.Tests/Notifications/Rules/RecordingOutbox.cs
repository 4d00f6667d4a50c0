using System.Collections.Concurrent;
using SutWeb.Notifications;

namespace SutWeb.Tests.Notifications.Rules;

/// <summary>An outbox that keeps what the rules hand it, in order: a test seam until the delivery's outbox is there.</summary>
public sealed class RecordingOutbox : INotificationOutbox
{
    private readonly ConcurrentQueue<Notification> _received = new();

    public IReadOnlyList<Notification> Received => [.. _received];

    public ValueTask EnqueueAsync(Notification notification, CancellationToken cancellationToken)
    {
        _received.Enqueue(notification);
        return ValueTask.CompletedTask;
    }
}
