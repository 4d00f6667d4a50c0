using System.Diagnostics.Metrics;
using SutWeb.Eggplant;
using SutWeb.Monitoring;

namespace SutWeb.Telemetry;

/// <summary>
/// What bench/ measures, for operators in production: poll duration and failures by kind, agents on the board,
/// diff sizes, hub clients and open circuits; and what the origin check and the hub's limits refused. Exported
/// through OpenTelemetry (Prometheus at <c>/metrics</c>).
/// </summary>
public sealed class SutWebMetrics : IDisposable
{
    public const string MeterName = "SutWeb";

    private readonly Meter _meter;
    private readonly Histogram<double> _pollDuration;
    private readonly Counter<long> _pollFailures;
    private readonly Histogram<int> _diffSize;
    private readonly Counter<long> _originRejections;
    private readonly Counter<long> _hubRefusals;
    private int _hubClients;
    private int _circuits;

    public SutWebMetrics(IMeterFactory meterFactory, AgentBoard board)
    {
        _meter = meterFactory.Create(MeterName);
        _pollDuration = _meter.CreateHistogram<double>("sutweb.poll.duration", "s", "Time one poll of the Eggplant server took, by outcome.");
        _pollFailures = _meter.CreateCounter<long>("sutweb.poll.failures", "{poll}", "Failed polls of the Eggplant server, by kind of failure.");
        _diffSize = _meter.CreateHistogram<int>("sutweb.diff.agents", "{agent}", "Agents upserted or removed by one diff.");
        _originRejections = _meter.CreateCounter<long>("sutweb.origin.rejections", "{request}", "Hub and Blazor connections refused because a page of another site opened them, by path.");
        _hubRefusals = _meter.CreateCounter<long>("sutweb.hub.refusals", "{refusal}", "Hub connections and calls refused by a limit, by reason.");
        _meter.CreateObservableGauge("sutweb.agents", () => board.Current.Agents.Count, "{agent}", "Agent connections on the board.");
        _meter.CreateObservableGauge("sutweb.board.version", () => board.Current.Version, description: "Version of the board.");
        _meter.CreateObservableUpDownCounter("sutweb.hub.clients", () => Volatile.Read(ref _hubClients), "{connection}", "Connected clients of /hubs/status.");
        _meter.CreateObservableUpDownCounter("sutweb.circuits.open", () => Volatile.Read(ref _circuits), "{circuit}", "Open Blazor circuits (dashboard and wall pages).");
    }

    public void PollSucceeded(TimeSpan duration) =>
        _pollDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", "success"));

    public void PollFailed(TimeSpan duration, UpstreamFailureKind kind)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind.ToString());
        _pollDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", "failure"));
        _pollFailures.Add(1, tag);
    }

    public void DiffPublished(int agents) => _diffSize.Record(agents);

    public void OriginRejected(string path) => _originRejections.Add(1, new KeyValuePair<string, object?>("path", path));

    public void HubRefused(string reason) => _hubRefusals.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void HubClientConnected() => Interlocked.Increment(ref _hubClients);

    public void HubClientDisconnected() => Interlocked.Decrement(ref _hubClients);

    public void CircuitOpened() => Interlocked.Increment(ref _circuits);

    public void CircuitClosed() => Interlocked.Decrement(ref _circuits);

    public void Dispose() => _meter.Dispose();
}
