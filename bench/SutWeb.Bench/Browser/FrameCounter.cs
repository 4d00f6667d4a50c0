namespace SutWeb.Bench.Browser;

/// <summary>Bytes of WebSocket frames a page received, taken in stretches.</summary>
public sealed class FrameCounter
{
    private long _bytes;

    public void Add(long bytes) => Interlocked.Add(ref _bytes, bytes);

    /// <summary>The bytes since the last call.</summary>
    public long Take() => Interlocked.Exchange(ref _bytes, 0);
}
