using System.Diagnostics;
using System.Net.Sockets;

namespace SutWeb.Tests.TestSupport;

/// <summary>
/// A throwaway Redis: Debian's <c>redis-server</c> on a free 127.0.0.1 port, persistence off, in a temporary folder
/// deleted at the end. It can be killed and started again on the same port, as a Redis that went away and came back.
/// Shared by the tests (<c>RedisFixture</c>) and the bench.
/// </summary>
public sealed class ThrowawayRedis : IAsyncDisposable
{
    public const string ServerPath = "/usr/bin/redis-server";

    private Process? _process;
    private string? _directory;

    public int Port { get; private set; }

    /// <summary>A StackExchange.Redis connection string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000";

    /// <summary>Why there is no server; null when there is one.</summary>
    public string? Unavailable { get; private set; }

    public bool Running => _process is { HasExited: false };

    /// <summary>Starts the server; without <c>redis-server</c>, says why in <see cref="Unavailable"/> instead.</summary>
    public async Task InitializeAsync()
    {
        if (!File.Exists(ServerPath))
        {
            Unavailable = $"No Redis server: {ServerPath} is missing (apt-get install -y redis-server; .ci/run does).";
            return;
        }
        _directory = Directory.CreateTempSubdirectory("sutweb-redis-").FullName;
        Port = SutWebHost.FreePort();
        try
        {
            await StartAsync();
        }
        catch (Exception e)
        {
            Unavailable = $"The Redis test server did not start: {e.Message}";
        }
    }

    /// <summary>Starts the server again on its port (after <see cref="KillAsync"/>); returns once it accepts connections.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(ServerPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory!,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--save", "", "--appendonly", "no", "--protected-mode", "no", "--dir", _directory! })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.UntilAsync(Accepts, "redis-server accepts connections");
    }

    /// <summary>Kills the server (SIGKILL: nothing said to clients), as a crashed Redis would go.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
            _directory = null;
        }
    }
}
