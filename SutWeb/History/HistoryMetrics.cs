using System.Diagnostics.Metrics;
using SutWeb.Telemetry;

namespace SutWeb.History;

/// <summary>
/// History's instruments, on SutWeb's meter (so that <c>/metrics</c> exports them with the rest):
/// <c>sutweb_history_write_lag_seconds</c>, <c>sutweb_history_pending_writes</c>, <c>sutweb_history_dropped_writes_total</c>,
/// <c>sutweb_history_degraded</c> and <c>sutweb_history_pruned_rows_total</c>.
/// </summary>
public sealed class HistoryMetrics
{
    private readonly Histogram<double> _writeLag;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _pruned;

    public HistoryMetrics(IMeterFactory meterFactory, PendingWrites pending, HistoryStatus status)
    {
        // The factory hands out one meter per name, which it disposes of: the same as SutWebMetrics's.
        var meter = meterFactory.Create(SutWebMetrics.MeterName);
        _writeLag = meter.CreateHistogram<double>("sutweb.history.write.lag", "s",
            "Time from the board's change to its row committed in the history database.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SutWebMetrics.PollDurationBuckets });
        _dropped = meter.CreateCounter<long>("sutweb.history.dropped.writes", "{write}",
            "History writes dropped because the database was unavailable for longer than History:MaxPendingWrites covered, by kind.");
        _pruned = meter.CreateCounter<long>("sutweb.history.pruned.rows", "{row}", "Rows deleted by retention, by table.");
        meter.CreateObservableGauge("sutweb.history.pending.writes", () => pending.Count, "{write}",
            "History writes waiting for the database.");
        meter.CreateObservableGauge("sutweb.history.degraded", () => status.State == HistoryState.Degraded ? 1 : 0,
            description: "1 while the history database cannot be written, else 0.");
    }

    public void Written(TimeSpan lag) => _writeLag.Record(Math.Max(0, lag.TotalSeconds));

    public void Dropped(HistoryWrite write) =>
        _dropped.Add(1, new KeyValuePair<string, object?>("kind", write is RunWrite ? "run" : "event"));

    public void Pruned(string table, int rows) => _pruned.Add(rows, new KeyValuePair<string, object?>("table", table));
}
