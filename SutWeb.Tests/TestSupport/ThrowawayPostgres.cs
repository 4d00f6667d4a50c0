using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace SutWeb.Tests.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster: Debian's <c>initdb</c> and <c>pg_ctl</c> from <c>/usr/lib/postgresql/*/bin</c>, run
/// as the <c>postgres</c> user when this process runs as root, on a free 127.0.0.1 port, in a temporary folder deleted at
/// the end, durability off (fsync, synchronous commit). Shared by the tests (<c>PostgresCluster</c>) and the bench.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private string? _directory;
    private string? _bin;
    private int _databases;

    public int Port { get; private set; }

    /// <summary>Why there is no cluster; null when there is one.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>Creates and starts the cluster; without PostgreSQL, says why in <see cref="Unavailable"/> instead.</summary>
    public async Task InitializeAsync()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        if (_bin is null)
        {
            Unavailable = "No PostgreSQL server: /usr/lib/postgresql/*/bin/initdb is missing (apt-get install -y postgresql; .ci/run does).";
            return;
        }
        try
        {
            _directory = Directory.CreateTempSubdirectory("sutweb-pg-").FullName;
            Port = SutWebHost.FreePort();
            if (IsRoot)
            {
                await RunAsync("chown", ["-R", "postgres:postgres", _directory]);
            }
            await RunPostgresAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
            await StartAsync();
        }
        catch (Exception e)
        {
            Unavailable = $"The PostgreSQL test cluster did not start: {e.Message}";
        }
    }

    private string DataDirectory => Path.Combine(_directory!, "data");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>A new, empty database; its connection string (trust authentication: no password).</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        if (Unavailable is not null)
        {
            throw new InvalidOperationException(Unavailable);
        }
        var name = $"{prefix.ToLowerInvariant()}_{Interlocked.Increment(ref _databases)}";
        // Not pooled: a test that stopped the server has cut every pooled connection.
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Timeout = 5 }.ConnectionString;

    /// <summary>Stops the server (fast: open connections are cut), as a crashed or restarted database would.</summary>
    public Task StopAsync() => RunPostgresAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"]);

    public Task StartAsync() => RunPostgresAsync("pg_ctl",
    [
        "-D", DataDirectory, "-w", "-l", Path.Combine(_directory!, "server.log"),
        "-o", $"-c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories={_directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
        "start",
    ]);

    public async ValueTask DisposeAsync()
    {
        if (_directory is null)
        {
            return;
        }
        // The folder exists before initdb runs: the server is only there when nothing went wrong.
        if (Unavailable is null)
        {
            await RunPostgresAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        Directory.Delete(_directory, recursive: true);
        _directory = null;
    }

    private Task RunPostgresAsync(string program, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_bin!, program);
        return IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
