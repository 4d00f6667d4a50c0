using System.Globalization;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Bench;

/// <summary>The command line: which measurements, and their sizes. Defaults keep <c>all</c> within 15 minutes on 2 cores.</summary>
public sealed record BenchOptions
{
    public static readonly string[] AllScenarios = ["parse", "payload", "upstream", "fanout", "latency", "circuits", "sources", "history", "agentpages", "notifications", "scaleout", "failover"];

    public List<string> Scenarios { get; init; } = [];

    /// <summary>Headless Chromium pages opened beside the hub clients in the upstream measurement (0: none).</summary>
    public int Browsers { get; init; } = 20;

    /// <summary>Dashboard pages opened for the memory-per-circuit measurement.</summary>
    public int Pages { get; init; } = 10;

    /// <summary>Changes timed per poll interval in the latency measurement.</summary>
    public int Changes { get; init; } = 100;

    public int[] HubClients { get; init; } = [1, 50, 500];

    /// <summary>Agents on the board in the upstream and fan-out measurement.</summary>
    public int Agents { get; init; } = 100;

    /// <summary>Agents on the board while 'history' measures the recorder.</summary>
    public int HistoryAgents { get; init; } = 10_000;

    /// <summary>Runs stored before 'history' times its pages.</summary>
    public int HistoryRuns { get; init; } = 1_000_000;

    /// <summary>Timed queries per page in 'history'.</summary>
    public int HistoryQueries { get; init; } = 200;

    /// <summary>Agent pages open at each measurement of 'agentpages', ascending (the first page is always measured apart).</summary>
    public int[] AgentPages { get; init; } = [50, 100];

    /// <summary>Timed failures in 'notifications'.</summary>
    public int NotificationFailures { get; init; } = 50;

    /// <summary>Agents of the source that goes down and comes back in 'notifications'.</summary>
    public int OutageAgents { get; init; } = 1_000;

    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(10);

    public string Chromium { get; init; } = HeadlessChromium.DefaultPath;

    /// <summary>The JSON file the figures go to; null: print only.</summary>
    public string? Output { get; init; }

    /// <summary>Where 'circuits' and 'agentpages' write heap dumps of the host with all its pages open (needs dotnet-gcdump); null: none.</summary>
    public string? GcDump { get; init; }

    public bool BrowserAvailable => File.Exists(Chromium);

    public static BenchOptions Parse(string[] args, string? defaultOutput)
    {
        var options = new BenchOptions { Output = defaultOutput };
        var scenarios = new List<string>();
        var printOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--browsers": options = options with { Browsers = Int(Value()) }; break;
                case "--pages": options = options with { Pages = Int(Value()) }; break;
                case "--changes": options = options with { Changes = Int(Value()) }; break;
                case "--agents": options = options with { Agents = Int(Value()) }; break;
                case "--hub-clients": options = options with { HubClients = [.. Value().Split(',').Select(Int)] }; break;
                case "--history-agents": options = options with { HistoryAgents = Int(Value()) }; break;
                case "--history-runs": options = options with { HistoryRuns = Int(Value()) }; break;
                case "--history-queries": options = options with { HistoryQueries = Int(Value()) }; break;
                case "--agent-pages": options = options with { AgentPages = [.. Value().Split(',').Select(Int)] }; break;
                case "--notification-failures": options = options with { NotificationFailures = Int(Value()) }; break;
                case "--outage-agents": options = options with { OutageAgents = Int(Value()) }; break;
                case "--window": options = options with { Window = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)) }; break;
                case "--chromium": options = options with { Chromium = Value() }; break;
                case "--out": options = options with { Output = Path.GetFullPath(Value()) }; break;
                case "--no-json": printOnly = true; break;
                case "--gcdump": options = options with { GcDump = Path.GetFullPath(Value()) }; break;
                case "all": scenarios.AddRange(AllScenarios); break;
                case var name when AllScenarios.Contains(name): scenarios.Add(name); break;
                default: throw new ArgumentException($"Unknown argument {args[i]}.");
            }
        }
        return options with
        {
            Scenarios = scenarios.Count == 0 ? [.. AllScenarios] : [.. scenarios.Distinct()],
            Output = printOnly ? null : options.Output,
        };
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    public const string Usage = """
        usage: dotnet run -c Release --project bench/SutWeb.Bench -- [all | parse payload upstream fanout latency circuits sources history agentpages notifications] [options]
          --browsers N      Chromium pages beside the hub clients in 'upstream' (default 20; 0 = none)
          --pages K         dashboard pages for memory per circuit in 'circuits' (default 10)
          --changes N       timed changes per poll interval in 'latency', and at 2 s in 'sources' (default 100)
          --hub-clients L   hub client counts in 'upstream'; the largest is used by 'fanout' (default 1,50,500)
          --agents N        agents in 'upstream' and 'fanout' (default 100)
          --window S        seconds per measurement window in 'upstream' (default 10; 'history' at least 30)
          --history-agents N  agents while 'history' measures the recorder (default 10000)
          --history-runs N    runs stored before 'history' times its pages (default 1000000)
          --history-queries N timed queries per page in 'history' (default 200)
          --agent-pages L   agent pages open at each memory measurement in 'agentpages' (default 50,100)
          --notification-failures N  timed failures in 'notifications' (default 50)
          --outage-agents N agents of the source that goes down and back in 'notifications' (default 1000)
          --chromium PATH   the browser (default /usr/bin/chromium)
          --out FILE        the JSON file to update (default docs/bench/performance.json of this repository)
          --no-json         print the figures only
          --gcdump FILE     in 'circuits' and 'agentpages', heap dumps of the host with one and with all pages open (dotnet tool install -g dotnet-gcdump)
        """;
}
