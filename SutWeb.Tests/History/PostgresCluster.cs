using System.Diagnostics;
using System.Globalization;
using Npgsql;
using SutWeb.Tests.EndToEnd;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.History;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run (one per <see cref="PostgresCollection"/>): Debian's
/// <c>initdb</c> and <c>pg_ctl</c> from <c>/usr/lib/postgresql/*/bin</c>, run as the <c>postgres</c> user when the tests
/// run as root, on a free 127.0.0.1 port, in a temporary folder deleted at the end. Each test gets a database of its
/// own. Without PostgreSQL the tests skip with the reason, except under <c>CI=true</c>, where they fail.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private string? _directory;
    private string? _bin;
    private int _databases;

    public int Port { get; private set; }

    /// <summary>Why there is no cluster; null when there is one.</summary>
    public string? Unavailable { get; private set; }

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

    /// <summary>Skips the calling test without a cluster, or fails it under CI=true.</summary>
    public void Require()
    {
        if (Unavailable is null)
        {
            return;
        }
        if (BrowserFixture.IsCi)
        {
            throw new InvalidOperationException($"{Unavailable} Under CI=true the PostgreSQL tests must run.");
        }
        Skip.If(true, Unavailable);
    }

    /// <summary>A new, empty database; its connection string (trust authentication: no password).</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        Require();
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

    public async Task DisposeAsync()
    {
        if (_directory is null)
        {
            return;
        }
        if (Unavailable is null)
        {
            await RunPostgresAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        Directory.Delete(_directory, recursive: true);
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
