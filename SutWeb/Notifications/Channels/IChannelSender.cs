namespace SutWeb.Notifications.Channels;

/// <summary>Hands one notification to one kind of receiver, once: the outbox decides about retries.</summary>
public interface IChannelSender
{
    ChannelType Type { get; }

    /// <summary>Never throws for the receiver's failures: they are the result. Only cancellation escapes.</summary>
    Task<SendResult> SendAsync(string channel, ChannelOptions options, Notification notification, CancellationToken cancellationToken);
}
