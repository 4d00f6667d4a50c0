namespace SutWeb.Notifications.Channels;

/// <summary>The sender of each channel type.</summary>
public sealed class ChannelSenders(IEnumerable<IChannelSender> senders)
{
    private readonly Dictionary<ChannelType, IChannelSender> _byType = senders.ToDictionary(s => s.Type);

    public IChannelSender For(ChannelType type) => _byType.TryGetValue(type, out var sender)
        ? sender
        : throw new InvalidOperationException($"No sender for channels of type {type}.");
}
