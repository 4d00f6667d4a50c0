using System.Threading.Channels;
using SutWeb.Shared.Views;

namespace SutWeb.Monitoring;

/// <summary>
/// A subscriber's view of the board: the snapshot it starts from, then every update after it. The queue is
/// bounded; a subscriber too slow to keep up loses the oldest updates, sees a version gap, and starts again
/// from <see cref="AgentBoard.Current"/>.
/// </summary>
public sealed class BoardSubscription(StatusSnapshot initial, Channel<BoardUpdate> channel, Action<BoardSubscription> unsubscribe)
    : IDisposable
{
    public StatusSnapshot Initial { get; } = initial;

    public ChannelReader<BoardUpdate> Updates => channel.Reader;

    internal bool TryWrite(BoardUpdate update) => channel.Writer.TryWrite(update);

    public void Dispose()
    {
        channel.Writer.TryComplete();
        unsubscribe(this);
    }
}
