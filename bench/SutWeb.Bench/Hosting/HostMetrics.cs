namespace SutWeb.Bench.Hosting;

/// <summary>What the host process under measurement says about itself at one moment (<c>GET /bench/metrics</c>).</summary>
public sealed record HostMetrics
{
    /// <summary>When this was taken, in Unix milliseconds of the machine's real-time clock.</summary>
    public double AtUnixMs { get; init; }
    public double CpuMs { get; init; }
    public long WorkingSetBytes { get; init; }
    /// <summary>Bytes in use on the managed heap (after a full blocking collection when one was asked for).</summary>
    public long GcHeapBytes { get; init; }
    public int Gen0Collections { get; init; }
    public int Gen1Collections { get; init; }
    public int Gen2Collections { get; init; }
    public long BoardVersion { get; init; }
    public int Agents { get; init; }
    public long CompletedPolls { get; init; }
    /// <summary>Bytes the host has allocated since it started, from GC allocation ticks (<see cref="AllocationTicks"/>); -1 unless asked for.</summary>
    public long AllocatedBytes { get; init; }
    /// <summary>The interval in force the board's health states, in milliseconds (null before the first poll).</summary>
    public double? PollIntervalMs { get; init; }
    /// <summary>The same per source, by id, when more than one source is configured.</summary>
    public Dictionary<string, double?> SourcePollIntervalsMs { get; init; } = [];
    public long HubDropped { get; init; }
    /// <summary>History writes waiting for the database (<c>sutweb_history_pending_writes</c>); -1 without history.</summary>
    public int HistoryPendingWrites { get; init; } = -1;
    /// <summary>Blazor circuits in memory (<c>aspnetcore.components.circuit.active</c>).</summary>
    public long CircuitsActive { get; init; }
    /// <summary>Blazor render batches since the host started.</summary>
    public long RenderBatches { get; init; }
    /// <summary>Samples recorded since the last reset, by series name (only when asked for).</summary>
    public Dictionary<string, List<MetricSample>> Samples { get; init; } = [];
}
