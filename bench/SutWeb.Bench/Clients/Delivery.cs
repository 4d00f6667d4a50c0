namespace SutWeb.Bench.Clients;

/// <summary>One diff as one client received it.</summary>
public readonly record struct Delivery(long FromVersion, long ToVersion, DateTimeOffset ObservedAt, DateTimeOffset ReceivedAt)
{
    /// <summary>From the poll's publish on the board to the client's handler, in milliseconds.</summary>
    public double LatencyMs => (ReceivedAt - ObservedAt).TotalMilliseconds;
}
