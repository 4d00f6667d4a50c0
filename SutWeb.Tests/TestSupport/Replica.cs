namespace SutWeb.Tests.TestSupport;

/// <summary>One SutWeb replica of a <see cref="ReplicaSet"/>: a process of its own, which a test may kill as a crash would.</summary>
public sealed class Replica : IAsyncDisposable
{
    private readonly HostProcess _process;
    private readonly HttpClient _http;

    internal Replica(string name, HostProcess process)
    {
        Name = name;
        _process = process;
        _http = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary><c>replica-1</c>, <c>replica-2</c> …: also its server name and affinity cookie in <see cref="LocalHaproxy"/>.</summary>
    public string Name { get; }

    public Uri BaseAddress => _process.BaseAddress;

    public int ProcessId => _process.Id;

    public bool Killed { get; private set; }

    /// <summary>SIGKILL (<c>kill -9</c>): no shutdown, no lock released, connections cut, as a crash or a power cut would.</summary>
    public async Task KillAsync()
    {
        Killed = true;
        await _process.KillAsync();
    }

    /// <summary>Its <c>/readyz</c> now; <see cref="ReplicaReadiness.Unreachable"/> when nothing answers.</summary>
    public async Task<ReplicaReadiness> ReadinessAsync()
    {
        if (Killed)
        {
            return ReplicaReadiness.Unreachable;
        }
        try
        {
            using var response = await _http.GetAsync("readyz");
            var body = await response.Content.ReadAsStringAsync();
            return ReplicaReadiness.Parse((int)response.StatusCode, body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return ReplicaReadiness.Unreachable;
        }
    }

    /// <summary>
    /// How many polls this replica has made (<c>sutweb_poll_duration_seconds_count</c> on <c>/metrics</c>, every
    /// source and outcome): a follower's stays where it was.
    /// </summary>
    public async Task<long> PollsAsync()
    {
        var metrics = await _http.GetStringAsync("metrics");
        long polls = 0;
        foreach (var line in metrics.Split('\n'))
        {
            if (!line.StartsWith("sutweb_poll_duration_seconds_count", StringComparison.Ordinal))
            {
                continue;
            }
            var value = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
            polls += (long)double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return polls;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }
}
