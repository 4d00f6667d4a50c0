using System.Diagnostics;

namespace SutWeb.Reliability;

/// <summary>
/// The dashboard as its own process (the Release build of SutWeb), so that its memory, handles and threads are
/// measured apart from the clients that load it.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int port = 0)
    {
        var root = RepositoryRoot();
        var dll = Path.Combine(root, "SutWeb", "bin", "Release", "net10.0", "SutWeb.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the dashboard first: dotnet build -c Release SutWeb ({dll} is missing).");
        }
        port = port == 0 ? SutWeb.Tests.TestSupport.SutWebHost.FreePort() : port;
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.Combine(root, "SutWeb"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[host] {e.Data}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[host] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient();
        await SutWeb.Tests.TestSupport.Eventually.UntilAsync(async () =>
        {
            try
            {
                return (await http.GetAsync(new Uri(host.BaseAddress, "healthz"))).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the dashboard process answers /healthz", TimeSpan.FromMinutes(1));
        return host;
    }

    /// <summary>Resident memory (MiB), open file descriptors and threads, read from /proc.</summary>
    public (double RssMiB, int Handles, int Threads) Sample()
    {
        var status = File.ReadAllLines($"/proc/{Id}/status");
        double Kb(string name) => double.Parse(status.First(l => l.StartsWith(name, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0]);
        var handles = Directory.GetFiles($"/proc/{Id}/fd").Length;
        return (Kb("VmRSS") / 1024, handles, (int)Kb("Threads"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    public static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SutWeb.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new DirectoryNotFoundException("SutWeb.sln not found above " + AppContext.BaseDirectory + " or the current directory");
    }
}
