using System.Diagnostics.Metrics;

namespace SutWeb.Bench.Hosting;

/// <summary>
/// Listens, inside the host under measurement, to the instruments ASP.NET Core and HttpClient already publish, so that
/// poll, simulator and Blazor render times are read from the product as it is, with no change to it.
/// </summary>
public sealed class MeterRecorder : IDisposable
{
    /// <summary>Duration of the poller's HTTP requests to the Eggplant server (this process's only HttpClient).</summary>
    public const string PollHttp = "poll.http";
    /// <summary>SutWeb's own <c>sutweb.poll.duration</c>: HTTP request, parse, map and publish of one poll.</summary>
    public const string PollTotal = "poll.total";
    /// <summary>SutWeb's <c>sutweb.history.write.lag</c>: from a board change to its history row committed.</summary>
    public const string HistoryWriteLag = "history.write.lag";
    /// <summary>Duration of the simulator serving <c>POST /simulator/api/sut/status</c>, to anyone.</summary>
    public const string SimulatorStatus = "simulator.status";
    /// <summary>Duration of one Blazor render batch: rendering the component tree and producing its diff.</summary>
    public const string RenderDuration = "render.duration";
    /// <summary>HTML elements changed by one Blazor render batch.</summary>
    public const string RenderSize = "render.size";
    /// <summary>One Blazor render batch: its duration (value) paired with its size, as <see cref="RenderBatch"/>.</summary>
    public const string RenderBatchSeries = "render.batch";
    /// <summary>From a diff's publish on the board (its observedAt) to a subscriber inside the host reading it.</summary>
    public const string BoardSubscriber = "board.subscriber";

    private const int MaxSamplesPerSeries = 50_000;

    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<MetricSample>> _samples = [];
    // The renderer records a batch's duration and size one after the other on the same thread: pair them there.
    [ThreadStatic]
    private static double? t_pendingDuration;
    [ThreadStatic]
    private static double? t_pendingSize;

    private long _circuitsActive;
    private long _renderBatches;

    public MeterRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (SeriesOf(instrument.Name) is not null || instrument.Name == "aspnetcore.components.circuit.active")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public long CircuitsActive => Interlocked.Read(ref _circuitsActive);

    /// <summary>Blazor render batches since the start (never reset).</summary>
    public long RenderBatches => Interlocked.Read(ref _renderBatches);

    public Dictionary<string, List<MetricSample>> Snapshot()
    {
        lock (_gate)
        {
            return _samples.ToDictionary(s => s.Key, s => s.Value.ToList());
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _samples.Clear();
        }
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>Adds a sample the host measured itself.</summary>
    public void Add(string series, double value) => Append(series, new MetricSample(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), value));

    private static string? SeriesOf(string instrument) => instrument switch
    {
        "http.client.request.duration" => PollHttp,
        "sutweb.poll.duration" => PollTotal,
        "sutweb.history.write.lag" => HistoryWriteLag,
        "http.server.request.duration" => SimulatorStatus,
        "aspnetcore.components.render_diff.duration" => RenderDuration,
        "aspnetcore.components.render_diff.size" => RenderSize,
        _ => null,
    };

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (instrument.Name == "aspnetcore.components.circuit.active")
        {
            Interlocked.Add(ref _circuitsActive, (long)value);
            return;
        }
        if (SeriesOf(instrument.Name) is not { } series)
        {
            return;
        }
        if (series == SimulatorStatus && !HasStatusRoute(tags))
        {
            return;
        }
        if (series == RenderDuration)
        {
            Interlocked.Increment(ref _renderBatches);
        }
        // Durations are published in seconds; the report uses milliseconds.
        if (instrument.Unit == "s")
        {
            value *= 1000;
        }
        if (series is RenderDuration or RenderSize)
        {
            PairRenderSample(series, value);
        }
        Append(series, new MetricSample(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), value));
    }

    private void Append(string series, MetricSample sample)
    {
        lock (_gate)
        {
            if (!_samples.TryGetValue(series, out var list))
            {
                _samples[series] = list = [];
            }
            if (list.Count < MaxSamplesPerSeries)
            {
                list.Add(sample);
            }
        }
    }

    private void PairRenderSample(string series, double value)
    {
        if (series == RenderDuration)
        {
            if (t_pendingSize is { } size)
            {
                t_pendingSize = null;
                Append(RenderBatchSeries, new MetricSample(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), value) { Size = size });
            }
            else
            {
                t_pendingDuration = value;
            }
        }
        else if (t_pendingDuration is { } duration)
        {
            t_pendingDuration = null;
            Append(RenderBatchSeries, new MetricSample(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), duration) { Size = value });
        }
        else
        {
            t_pendingSize = value;
        }
    }

    private static bool HasStatusRoute(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "http.route" && tag.Value is string route && route.EndsWith("api/sut/status", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
