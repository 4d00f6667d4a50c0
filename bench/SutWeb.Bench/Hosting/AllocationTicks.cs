using System.Diagnostics.Tracing;

namespace SutWeb.Bench.Hosting;

/// <summary>
/// Bytes allocated in this process, summed from the runtime's GC allocation-tick events (one about every 100 KB
/// allocated, with the amount since the last). <see cref="GC.GetTotalAllocatedBytes"/> would be simpler, but under
/// server GC with DATAS (the default) it can go backwards when the GC retires a heap (dotnet/runtime#131069), which
/// makes the difference over a window meaningless. Opt-in (<c>host --allocation-ticks</c>): it turns on the runtime's
/// verbose GC events.
/// </summary>
public sealed class AllocationTicks : EventListener
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private const long GcKeyword = 0x1;
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeProvider)
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is not { } names)
        {
            return;
        }
        var index = names.IndexOf("AllocationAmount64");
        if (index < 0)
        {
            index = names.IndexOf("AllocationAmount");
        }
        if (index >= 0 && eventData.Payload?[index] is { } amount)
        {
            Interlocked.Add(ref _bytes, Convert.ToInt64(amount, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
