namespace SutWeb.Bench.Scenarios;

/// <summary>What one poll of one source costs the poller itself (<see cref="ManySources.MeasureInProcess"/>): mapping the answer, and publishing it to the board (diff and merge).</summary>
public sealed record InProcessPollCost(double MapMs, double PublishMs, double MapAllocatedBytes, double PublishAllocatedBytes)
{
    public double Ms => MapMs + PublishMs;

    public double AllocatedBytes => MapAllocatedBytes + PublishAllocatedBytes;
}
