using System.Diagnostics.Metrics;
using Polly.CircuitBreaker;
using SutWeb.Eggplant;
using SutWeb.Eggplant.Sources;
using SutWeb.Hubs;
using SutWeb.Monitoring;
using SutWeb.ScaleOut;

namespace SutWeb.Telemetry;

/// <summary>
/// What bench/ measures, for operators in production: poll duration and failures by kind, agents on the board,
/// diff sizes, hub clients and the upstream circuit breaker; and what the origin check and the hub's limits refused.
/// Blazor circuits are ASP.NET Core's own metrics (<see cref="TelemetryExtensions"/>). Exported through OpenTelemetry (Prometheus at <c>/metrics</c>); names follow its conventions
/// (dotted, unit apart), which the Prometheus exporter turns into <c>sutweb_poll_duration_seconds</c>, <c>…_total</c>.
/// Every poll metric carries the tag <c>source</c> (the source's id, <c>default</c> for the flat settings), so that one
/// failing lab is told apart from the others. It only observes: poll outcomes (<see cref="PollerStatus.Polled"/>), the board, the hub's limits filter and the circuit
/// breaker, none of which knows of it, so data flows one way. Only the origin check calls it.
/// </summary>
public sealed class SutWebMetrics : IDisposable
{
    public const string MeterName = "SutWeb";

    /// <summary>
    /// Seconds, as ASP.NET Core's <c>http.server.request.duration</c>: the SDK's default bounds (0, 5 … 10000) are
    /// meant for milliseconds and would put every poll in the first bucket.
    /// </summary>
    internal static readonly IReadOnlyList<double> PollDurationBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly Meter _meter;
    private readonly Histogram<double> _pollDuration;
    private readonly Counter<long> _pollFailures;
    private readonly Histogram<int> _diffSize;
    private readonly Counter<long> _originRejections;
    private readonly Counter<long> _hubRefusals;
    private readonly List<(PollerStatus Status, Action<PollOutcome> Handler)> _pollers = [];
    private readonly StatusHubLimitsFilter _hubLimits;

    public SutWebMetrics(
        IMeterFactory meterFactory,
        AgentBoard board,
        PollerStatuses pollers,
        StatusHubLimitsFilter hubLimits,
        ILeadership leadership,
        IServiceProvider services,
        TimeProvider timeProvider)
    {
        _meter = meterFactory.Create(MeterName);
        _pollDuration = _meter.CreateHistogram<double>("sutweb.poll.duration", "s", "Time one poll of the Eggplant server took, by outcome.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = PollDurationBuckets });
        _pollFailures = _meter.CreateCounter<long>("sutweb.poll.failures", "{poll}", "Failed polls of the Eggplant server, by kind of failure.");
        _diffSize = _meter.CreateHistogram<int>("sutweb.diff.agents", "{agent}", "Agents upserted or removed by one diff.");
        _originRejections = _meter.CreateCounter<long>("sutweb.origin.rejections", "{request}", "Hub and Blazor connections refused because a page of another site opened them, by path.");
        _hubRefusals = _meter.CreateCounter<long>("sutweb.hub.refusals", "{refusal}", "Hub connections and calls refused by a limit, by reason.");
        _meter.CreateObservableGauge("sutweb.agents", () => board.Current.Agents.Count, "{agent}", "Agent connections on the board.");
        _meter.CreateObservableGauge("sutweb.board.version", () => board.Current.Version, description: "Version of the board.");
        _meter.CreateObservableGauge("sutweb.board.subscribers", () => board.Subscribers, "{subscription}", "Open subscriptions to the board: live page components and the hub's broadcaster.");
        _meter.CreateObservableGauge("sutweb.scaleout.leader", () => leadership.Role is ReplicaRole.Leader or ReplicaRole.Single ? 1 : 0,
            description: "1 while this replica leads (polls, records, notifies; always for a single replica), else 0.");
        _meter.CreateObservableUpDownCounter("sutweb.hub.clients", () => hubLimits.Connections, "{connection}", "Connected clients of /hubs/status.");
        // Each source's own breaker: one lab's open circuit says nothing of another's.
        var circuits = pollers.Sources.Select(s => (Tag: SourceTag(s), Policies: services.GetSourceService<EggplantResiliencePolicies>(s))).ToList();
        _meter.CreateObservableGauge("sutweb.upstream.circuit.open",
            () => circuits.Select(c => new Measurement<int>(c.Policies.CircuitBreaker.CircuitState is CircuitState.Open or CircuitState.Isolated ? 1 : 0, c.Tag)),
            description: "1 while the circuit breaker to the Eggplant server is open (polls fail fast), else 0; by source.");
        _meter.CreateObservableGauge("sutweb.poll.interval",
            () => pollers.Sources.Select(s => (Tag: SourceTag(s), board.SourceHealth(s.Id).PollIntervalSeconds))
                .Where(s => s.PollIntervalSeconds is not null)
                .Select(s => new Measurement<double>(s.PollIntervalSeconds!.Value, s.Tag)),
            "s", "The interval each source is polled at now (its pace, or longer while failed polls back off), by source.");
        _meter.CreateObservableGauge("sutweb.upstream.last_success.age",
            () => pollers.Sources.Select(s => (Tag: SourceTag(s), board.SourceHealth(s.Id).LastSuccessAt))
                .Where(s => s.LastSuccessAt is not null)
                .Select(s => new Measurement<double>((timeProvider.GetUtcNow() - s.LastSuccessAt!.Value).TotalSeconds, s.Tag)),
            "s", "Seconds since the last good poll of each source (stale past three intervals in force), by source.");
        foreach (var source in pollers.Sources)
        {
            var tag = SourceTag(source);
            var status = pollers[source];
            Action<PollOutcome> handler = outcome => OnPolled(tag, outcome);
            status.Polled += handler;
            _pollers.Add((status, handler));
        }
        _hubLimits = hubLimits;
        hubLimits.Refused += OnHubRefused;
    }

    public void OriginRejected(string path) => _originRejections.Add(1, new KeyValuePair<string, object?>("path", path));

    private static KeyValuePair<string, object?> SourceTag(EggplantSource source) => new("source", source.Id);

    private void OnPolled(KeyValuePair<string, object?> source, PollOutcome outcome)
    {
        if (outcome.Failure is { } kind)
        {
            _pollDuration.Record(outcome.Duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", "failure"), source);
            _pollFailures.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()), source);
        }
        else
        {
            _pollDuration.Record(outcome.Duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", "success"), source);
        }
        if (outcome.DiffAgents is { } agents)
        {
            _diffSize.Record(agents, source);
        }
    }

    private void OnHubRefused(string reason) => _hubRefusals.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose()
    {
        foreach (var (status, handler) in _pollers)
        {
            status.Polled -= handler;
        }
        _hubLimits.Refused -= OnHubRefused;
        _meter.Dispose();
    }
}
