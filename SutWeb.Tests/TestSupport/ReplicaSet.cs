using System.Globalization;
using System.Reflection;

namespace SutWeb.Tests.TestSupport;

/// <summary>
/// N SutWeb replicas, each a process of its own (the built SutWeb.dll under <see cref="HostProcess"/>, as the
/// reliability bench runs it), on one Redis (<c>ScaleOut:Redis</c>, <c>ScaleOut:KeyPrefix</c>) and one upstream
/// Eggplant server, with whatever history settings the caller gives. A test kills one with <see cref="Replica.KillAsync"/>
/// and finds the leader from each replica's <c>/readyz</c> role.
/// </summary>
public sealed class ReplicaSet : IAsyncDisposable
{
    /// <summary>Generous: three .NET processes start at once on a small, shared machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly List<Replica> _replicas;
    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private ReplicaSet(List<Replica> replicas, string dll, IReadOnlyDictionary<string, string> settings)
    {
        _replicas = replicas;
        _dll = dll;
        _settings = settings;
    }

    public IReadOnlyList<Replica> Replicas => _replicas;

    /// <summary>The replicas not killed.</summary>
    public IReadOnlyList<Replica> Running => [.. _replicas.Where(r => !r.Killed)];

    public Replica this[string name] => _replicas.Single(r => r.Name == name);

    /// <param name="count">How many replicas (<c>replica-1</c> …).</param>
    /// <param name="redis">A StackExchange.Redis connection string (<c>ScaleOut:Redis</c>).</param>
    /// <param name="keyPrefix"><c>ScaleOut:KeyPrefix</c>: a test's own, so that tests never share keys.</param>
    /// <param name="upstream">The Eggplant server's base URL (a simulator's <c>…/simulator/</c>), user <c>sutweb</c>, password <c>simulator</c> unless <paramref name="settings"/> say otherwise.</param>
    /// <param name="settings">Further settings for every replica (history, poll interval …), overriding the defaults.</param>
    public static async Task<ReplicaSet> StartAsync(int count, string redis, string keyPrefix, Uri upstream,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = DashboardDll();
        var all = new Dictionary<string, string>
        {
            ["ScaleOut:Redis"] = redis,
            ["ScaleOut:KeyPrefix"] = keyPrefix,
            ["Eggplant:BaseUrl"] = upstream.ToString(),
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = "simulator",
            ["Eggplant:PollInterval"] = "00:00:01",
            ["Eggplant:RetryBaseDelay"] = "00:00:00.100",
            ["Eggplant:RequestTimeout"] = "00:00:05",
            ["Simulator:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }
        Task<Replica> Start(int i) => StartReplicaAsync($"replica-{i.ToString(CultureInfo.InvariantCulture)}", dll, all);
        // The first alone (it creates the history schema of a new database), then the others at once.
        var first = Start(1);
        List<Task<Replica>> starting = [first];
        try
        {
            await first;
            starting.AddRange(Enumerable.Range(2, count - 1).Select(Start));
            return new ReplicaSet([.. await Task.WhenAll(starting)], dll, all);
        }
        catch
        {
            // One did not start: let the others settle (WhenAny does not throw), stop those that did, then say why.
            await Task.WhenAny(Task.WhenAll(starting));
            foreach (var task in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await task.Result.DisposeAsync();
            }
            throw;
        }
    }

    private static async Task<Replica> StartReplicaAsync(string name, string dll, IReadOnlyDictionary<string, string> settings) =>
        new(name, await HostProcess.StartAsync(["dotnet", dll], settings, workingDirectory: Path.GetDirectoryName(dll)));

    /// <summary>One more replica with the same settings (<c>replica-{N+1}</c>), e.g. in place of a killed one.</summary>
    public async Task<Replica> StartAnotherAsync()
    {
        var replica = await StartReplicaAsync($"replica-{(_replicas.Count + 1).ToString(CultureInfo.InvariantCulture)}", _dll, _settings);
        _replicas.Add(replica);
        return replica;
    }

    /// <summary>Each running replica's <c>/readyz</c>, by name.</summary>
    public async Task<IReadOnlyDictionary<string, ReplicaReadiness>> ReadinessAsync()
    {
        var running = Running;
        var answers = await Task.WhenAll(running.Select(r => r.ReadinessAsync()));
        return running.Select((r, i) => (r.Name, answers[i])).ToDictionary(p => p.Name, p => p.Item2);
    }

    /// <summary>
    /// Waits until exactly one running replica says it leads and every other running one says it follows; returns
    /// the leader.
    /// </summary>
    public async Task<Replica> LeaderAsync(TimeSpan? timeout = null)
    {
        Replica? leader = null;
        IReadOnlyDictionary<string, ReplicaReadiness> last = new Dictionary<string, ReplicaReadiness>();
        var found = await Eventually.TryUntilAsync(async () =>
        {
            last = await ReadinessAsync();
            var leaders = last.Where(p => p.Value.IsLeader).ToList();
            if (leaders.Count != 1 || !last.Where(p => !p.Value.IsLeader).All(p => p.Value.IsFollower))
            {
                return false;
            }
            leader = this[leaders[0].Key];
            return true;
        }, timeout ?? Patience, 200);
        return found && leader is not null ? leader
            : throw new TimeoutException("No single leader among the replicas: "
                + string.Join(", ", last.Select(p => $"{p.Key} {p.Value.StatusCode} role={p.Value.Role ?? "(none)"}")));
    }

    /// <summary>
    /// The SutWeb.dll built beside these tests' configuration (<c>SutWeb/bin/{Debug|Release}/net10.0</c>): building the
    /// tests builds it. Started from that folder, as a published app is.
    /// </summary>
    public static string DashboardDll()
    {
        var root = RepositoryRoot.Find() ?? throw new DirectoryNotFoundException("SutWeb.sln not found above " + AppContext.BaseDirectory);
        var configuration = typeof(ReplicaSet).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(root, "SutWeb", "bin", configuration, "net10.0", "SutWeb.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the dashboard first: dotnet build -c {configuration} SutWeb ({dll} is missing).");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
    }
}
