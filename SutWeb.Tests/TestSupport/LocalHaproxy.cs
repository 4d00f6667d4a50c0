using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SutWeb.Tests.TestSupport;

/// <summary>
/// Debian's HAProxy on a free 127.0.0.1 port in front of replicas on loopback ports, with the rules of the compose
/// scale profile (deploy/haproxy/haproxy.cfg): cookie affinity (<c>SERVERID</c>, the replica's name), <c>/readyz</c>
/// health checks, redispatch when a replica is gone and long WebSocket timeouts; checks are fast here so that a
/// killed replica is taken out quickly. Runs in the foreground (<c>-db</c>) as a child process, killed at the end.
/// </summary>
public sealed class LocalHaproxy : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/sbin/haproxy";

    /// <summary>The affinity cookie, as in deploy/haproxy/haproxy.cfg.</summary>
    public const string CookieName = "SERVERID";

    private const int KeptOutputLines = 200;

    private readonly Process _process;
    private readonly string _directory;
    private readonly ConcurrentQueue<string> _output;

    private LocalHaproxy(Process process, string directory, ConcurrentQueue<string> output, Uri baseAddress, string config)
    {
        _process = process;
        _directory = directory;
        _output = output;
        BaseAddress = baseAddress;
        Config = config;
    }

    public Uri BaseAddress { get; }

    /// <summary>The configuration it runs with, for a failing test's message.</summary>
    public string Config { get; }

    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Why there is no HAProxy; null when there is one.</summary>
    public static string? Unavailable => File.Exists(ExecutablePath) ? null
        : $"No load balancer: {ExecutablePath} is missing (apt-get install -y haproxy; .ci/run does).";

    /// <param name="backends">Name (the affinity cookie's value) and base address of each replica.</param>
    /// <param name="checkInterval">Between two <c>/readyz</c> checks of a replica; two failures take it out, one success brings it back.</param>
    public static async Task<LocalHaproxy> StartAsync(IReadOnlyList<(string Name, Uri Address)> backends, TimeSpan? checkInterval = null)
    {
        if (Unavailable is { } unavailable)
        {
            throw new InvalidOperationException(unavailable);
        }
        var port = SutWebHost.FreePort();
        var config = Configuration(port, backends, checkInterval ?? TimeSpan.FromMilliseconds(500));
        var directory = Directory.CreateTempSubdirectory("sutweb-haproxy-").FullName;
        var file = Path.Combine(directory, "haproxy.cfg");
        await File.WriteAllTextAsync(file, config);

        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[] { "-f", file, "-db" })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{ExecutablePath} did not start.");
        var output = ChildOutput.Keep(process, "haproxy", KeptOutputLines);
        var haproxy = new LocalHaproxy(process, directory, output, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), config);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var answered = await Eventually.TryUntilAsync(async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"HAProxy ended at start: {string.Join('\n', output)}\n{config}");
                }
                try
                {
                    using var response = await http.GetAsync(new Uri(haproxy.BaseAddress, "healthz"));
                    return response.IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(60), 100);
            return answered ? haproxy
                : throw new TimeoutException($"HAProxy did not pass /healthz to a replica within 60 s: {string.Join('\n', output)}\n{config}");
        }
        catch
        {
            await haproxy.DisposeAsync();
            throw;
        }
    }

    /// <summary>The configuration: deploy/haproxy/haproxy.cfg's rules, on loopback, with no DNS and fast checks.</summary>
    public static string Configuration(int port, IReadOnlyList<(string Name, Uri Address)> backends, TimeSpan checkInterval)
    {
        var inter = ((int)checkInterval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            global
                log stdout format raw local0 notice

            defaults
                mode http
                log global
                timeout connect 2s
                timeout http-request 10s
                timeout client 1h
                timeout server 1h
                timeout tunnel 1h
                timeout client-fin 30s
                option redispatch
                retries 3

            frontend sutweb
                bind 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}
                option forwardfor
                default_backend replicas

            backend replicas
                balance roundrobin
                cookie {CookieName} insert indirect nocache
                option httpchk
                http-check send meth GET uri /readyz
                http-check expect status 200
                default-server check inter {inter} fall 2 rise 1
            """);
        foreach (var (name, address) in backends)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    server {name} {address.Host}:{address.Port.ToString(CultureInfo.InvariantCulture)} cookie {name}");
        }
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
