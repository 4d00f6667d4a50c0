using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace SutWeb.Tests.TestSupport;

/// <summary>
/// SutWeb in a process of its own on 127.0.0.1, so that its CPU time, memory, handles and threads are its own and not
/// those of the program that loads it; started when <c>/healthz</c> answers. The one launcher of the bench programs:
/// the performance bench starts its measuring host this way, the reliability runs the Release build of SutWeb.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly bool _stopsWhenInputCloses;

    private HostProcess(Process process, Uri baseAddress, ConcurrentQueue<string> output, bool stopsWhenInputCloses)
    {
        _process = process;
        _output = output;
        _stopsWhenInputCloses = stopsWhenInputCloses;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    /// <param name="command">The program and its arguments; the settings and <c>--urls</c> are added as command-line configuration.</param>
    /// <param name="settings">Configuration keys and values, e.g. <c>Eggplant:PollInterval</c>.</param>
    /// <param name="port">0: a free one.</param>
    /// <param name="stopsWhenInputCloses">The program ends by itself when its standard input closes (else it is killed).</param>
    public static async Task<HostProcess> StartAsync(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> settings,
        int port = 0, string? workingDirectory = null, bool stopsWhenInputCloses = false)
    {
        port = port == 0 ? SutWebHost.FreePort() : port;
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }
        start.ArgumentList.Add($"--urls={baseAddress.ToString().TrimEnd('/')}");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_URLS");

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{command[0]} did not start.");
        var output = ChildOutput.Keep(process, "host", KeptOutputLines);
        var host = new HostProcess(process, baseAddress, output, stopsWhenInputCloses);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var answered = await Eventually.TryUntilAsync(async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The host process ended before it answered: {string.Join('\n', output)}");
                }
                try
                {
                    using var response = await http.GetAsync(new Uri(baseAddress, "healthz"));
                    return response.IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(90), 100);
            return answered ? host : throw new TimeoutException($"The host process did not answer /healthz within 90 s: {string.Join('\n', output)}");
        }
        catch
        {
            await host.KillAsync();
            throw;
        }
    }

    /// <summary>Resident memory (MiB), open file descriptors and threads, read from /proc.</summary>
    public (double RssMiB, int Handles, int Threads) Sample()
    {
        var status = File.ReadAllLines($"/proc/{Id}/status");
        double Kb(string name) => double.Parse(
            status.First(l => l.StartsWith(name, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        var handles = Directory.GetFiles($"/proc/{Id}/fd").Length;
        return (Kb("VmRSS") / 1024, handles, (int)Kb("Threads"));
    }

    /// <summary>Ends the process at once, as a crash or a power cut would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopsWhenInputCloses && !_process.HasExited)
        {
            try
            {
                _process.StandardInput.Close();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
            {
                // Did not stop in time: killed below.
            }
        }
        await KillAsync();
        _process.Dispose();
    }
}
