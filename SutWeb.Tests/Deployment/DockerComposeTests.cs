using System.Diagnostics;
using System.Text.RegularExpressions;
using SutWeb.Tests.EndToEnd;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Deployment;

/// <summary>
/// The container files as docker-compose reads them (there is no Docker engine here, but `docker-compose config`
/// checks and resolves a file): the demo is valid with no settings, a real server's password is required, and the
/// image runs as a non-root user with a health check and a build context free of repository clutter.
/// </summary>
public sealed class DockerComposeTests
{
    private static readonly string Root = RepositoryRoot.Find() ?? throw new InvalidOperationException("SutWeb.sln not found above the tests.");

    [SkippableFact]
    public async Task Demo_WithNoSettings_IsValidWithHealthChecksAndADataVolume()
    {
        var (exit, output) = await ComposeConfigAsync("docker-compose.yml", new Dictionary<string, string?>());

        Assert.True(exit == 0, output);
        Assert.Contains("healthcheck:", output);
        Assert.Contains("demo-data:/app/data", output);
        // History defaults to SQLite, whose file is in /app/data: on the volume, so it survives a new container.
        Assert.Contains("History__Provider: Sqlite", output);
    }

    [SkippableTheory]
    [InlineData("docker-compose.yml")]
    [InlineData("docker-compose.real.yml")]
    public async Task HistoryPostgresProfile_WithItsSettings_PointsTheDashboardAtAHealthyDatabaseOnItsOwnVolume(string file)
    {
        var settings = new Dictionary<string, string?>
        {
            ["EGGPLANT_BASE_URL"] = "https://dai.example.com/",
            ["EGGPLANT_USERNAME"] = "sutweb",
            ["EGGPLANT_PASSWORD"] = "given",
            ["COMPOSE_PROFILES"] = "history-postgres",
            ["SUTWEB_HISTORY_PROVIDER"] = "Postgres",
            ["SUTWEB_POSTGRES_PASSWORD"] = "s3cret-for-the-test",
        };

        var (exit, output) = await ComposeConfigAsync(file, settings);

        Assert.True(exit == 0, output);
        var database = Section(output, "history-postgres");
        Assert.Contains("image: postgres:", database);
        Assert.Contains("- history-postgres", database);
        Assert.Contains("pg_isready", database);
        Assert.Contains("history-postgres-data:/var/lib/postgresql/data", database);
        Assert.Contains("POSTGRES_PASSWORD: s3cret-for-the-test", database);
        Assert.DoesNotContain("published", database);
        var dashboard = Section(output, "dashboard");
        Assert.Contains("History__Provider: Postgres", dashboard);
        Assert.Contains("ConnectionStrings__History: Host=history-postgres;Database=sutweb;Username=sutweb;Password=s3cret-for-the-test", dashboard);
    }

    [SkippableFact]
    public async Task HistoryPostgresProfile_WithoutAPassword_UsesAPlaceholderThatSaysSo()
    {
        var (exit, output) = await ComposeConfigAsync("docker-compose.yml", new Dictionary<string, string?>());

        Assert.True(exit == 0, output);
        Assert.Contains("POSTGRES_PASSWORD: placeholder-change-me", Section(output, "history-postgres"));
    }

    [SkippableFact]
    public async Task RealServer_WithoutItsPassword_FailsFastNamingIt()
    {
        var settings = new Dictionary<string, string?>
        {
            ["EGGPLANT_BASE_URL"] = "https://dai.example.com/",
            ["EGGPLANT_USERNAME"] = "sutweb",
            ["EGGPLANT_PASSWORD"] = null,
        };

        var (missing, refused) = await ComposeConfigAsync("docker-compose.real.yml", settings);
        settings["EGGPLANT_PASSWORD"] = "given";
        var (given, resolved) = await ComposeConfigAsync("docker-compose.real.yml", settings);

        Assert.NotEqual(0, missing);
        Assert.Contains("set EGGPLANT_PASSWORD", refused);
        Assert.True(given == 0, resolved);
        Assert.Contains("sutweb-data:/app/data", resolved);
    }

    [SkippableFact]
    public async Task ScaleProfile_WithItsSettings_RunsTwoReplicasOnRedisAndPostgresBehindHaproxy()
    {
        var settings = new Dictionary<string, string?>
        {
            ["COMPOSE_PROFILES"] = "scale",
            ["SUTWEB_POSTGRES_PASSWORD"] = "s3cret-for-the-test",
            ["SUTWEB_ACCESS_KEY"] = "0123456789abcdef",
        };

        var (exit, output) = await ComposeConfigAsync("docker-compose.yml", settings);

        Assert.True(exit == 0, output);
        Assert.Contains("image: sutweb:local", Section(output, "dashboard"));
        foreach (var name in new[] { "replica-1", "replica-2" })
        {
            var replica = Section(output, name);
            // The same image as the dashboard, on the shared Redis and database, reached only through the load balancer.
            Assert.Contains("image: sutweb:local", replica);
            Assert.Contains("- scale", replica);
            Assert.Contains("ScaleOut__Redis: redis:6379", replica);
            Assert.Contains("History__Provider: Postgres", replica);
            Assert.Contains("ConnectionStrings__History: Host=history-postgres;Database=sutweb;Username=sutweb;Password=s3cret-for-the-test", replica);
            Assert.Contains("Eggplant__BaseUrl: http://eggplant-simulator:8080/simulator/", replica);
            Assert.Contains("healthcheck:", replica);
            Assert.DoesNotContain("published", replica);
        }
        var redis = Section(output, "redis");
        Assert.Contains("image: redis:", redis);
        Assert.Contains("--appendonly", redis);
        Assert.Contains("- scale", Section(output, "history-postgres"));
        var balancer = Section(output, "load-balancer");
        Assert.Contains("image: haproxy:", balancer);
        Assert.Contains("published: 8081", balancer);
        Assert.Contains("deploy/haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro", balancer);
        Assert.Contains("SUTWEB_READYZ_KEY: 0123456789abcdef", balancer);
    }

    [Fact]
    public void ScaleProfile_HaproxyConfig_SticksToAReplicaAndChecksItsReadiness()
    {
        var config = File.ReadAllText(Path.Combine(Root, "deploy", "haproxy", "haproxy.cfg"));

        Assert.Contains("cookie SERVERID insert indirect nocache", config);
        Assert.Contains("uri /readyz", config);
        Assert.Contains("option redispatch", config);
        Assert.Matches(@"timeout tunnel\s+\d+h", config);
        Assert.Contains("server replica-1 replica-1:8080 cookie replica-1", config);
        Assert.Contains("server replica-2 replica-2:8080 cookie replica-2", config);
    }

    [SkippableFact]
    public async Task ScaleProfile_HaproxyConfig_IsValidForHaproxy()
    {
        var haproxy = LocalHaproxy.ExecutablePath;
        if (!File.Exists(haproxy))
        {
            var reason = $"{haproxy} is missing (apt-get install -y haproxy; .ci/run does)";
            if (BrowserFixture.IsCi)
            {
                throw new InvalidOperationException($"{reason}; under CI=true the load balancer's config must be checked.");
            }
            Skip.If(true, reason);
        }
        var start = new ProcessStartInfo(haproxy, ["-c", "-f", Path.Combine(Root, "deploy", "haproxy", "haproxy.cfg")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["SUTWEB_READYZ_KEY"] = "0123456789abcdef";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        // Outside compose the replicas' names do not resolve: a warning, not an error.
        Assert.True(process.ExitCode == 0, await output + await error);
    }

    [SkippableFact]
    public async Task BothFiles_WithAnAccessKey_GiveItToTheDashboardsOnly()
    {
        var settings = new Dictionary<string, string?>
        {
            ["EGGPLANT_BASE_URL"] = "https://dai.example.com/",
            ["EGGPLANT_USERNAME"] = "sutweb",
            ["EGGPLANT_PASSWORD"] = "given",
            ["SUTWEB_ACCESS_KEY"] = "0123456789abcdef",
        };

        var (demoExit, demo) = await ComposeConfigAsync("docker-compose.yml", settings);
        var (realExit, real) = await ComposeConfigAsync("docker-compose.real.yml", settings);

        Assert.True(demoExit == 0, demo);
        Assert.True(realExit == 0, real);
        // The simulator container plays the Eggplant server and is not published: it needs no key of the dashboard's.
        // The demo's dashboards: the single one and the scale profile's two replicas.
        Assert.Equal(3, Regex.Matches(demo, @"Security__AccessKey: '?0123456789abcdef").Count);
        Assert.DoesNotContain("Security__AccessKey", Section(demo, "eggplant-simulator"));
        Assert.Single(Regex.Matches(real, @"Security__AccessKey: '?0123456789abcdef"));
    }

    [Fact]
    public void Image_RunsAsNonRootWithAHealthCheckAndALeanBuildContext()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(Root, "Dockerfile"));
        var ignored = File.ReadAllLines(Path.Combine(Root, ".dockerignore")).Select(l => l.Trim()).ToHashSet();

        // The last USER before the entry point decides who the process runs as.
        Assert.Equal("USER $APP_UID", dockerfile.Last(l => l.StartsWith("USER ", StringComparison.Ordinal)));
        Assert.Contains(dockerfile, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        Assert.Contains(dockerfile, l => l.Contains("Security__KeyRingPath=/app/data/", StringComparison.Ordinal));
        Assert.Contains(dockerfile, l => l.Contains("History__DataDirectory=/app/data", StringComparison.Ordinal));
        // The compose files' .env holds the access key and passwords: never part of an image.
        Assert.Superset(new HashSet<string> { ".git", ".env", "**/bin", "**/obj", "**/TestResults" }, ignored);
    }

    /// <summary>One service's lines of <c>docker-compose config</c> (services are indented by two spaces).</summary>
    private static string Section(string config, string service)
    {
        var lines = config.Split('\n');
        var start = Array.FindIndex(lines, l => l == $"  {service}:");
        Assert.True(start >= 0, $"No service {service} in:\n{config}");
        var body = lines.Skip(start + 1).TakeWhile(l => l.StartsWith("   ", StringComparison.Ordinal));
        return string.Join('\n', body);
    }

    private static async Task<(int Exit, string Output)> ComposeConfigAsync(string file, IReadOnlyDictionary<string, string?> environment)
    {
        var compose = new[] { "/usr/bin/docker-compose", "/usr/local/bin/docker-compose" }.FirstOrDefault(File.Exists);
        if (compose is null)
        {
            const string reason = "docker-compose is not installed (apt-get install -y docker-compose)";
            if (BrowserFixture.IsCi)
            {
                throw new InvalidOperationException($"{reason}; under CI=true the compose files must be checked.");
            }
            Skip.If(true, reason);
        }
        var start = new ProcessStartInfo(compose!, ["-f", file, "config"])
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in new[] { "EGGPLANT_BASE_URL", "EGGPLANT_USERNAME", "EGGPLANT_PASSWORD", "SUTWEB_ACCESS_KEY", "COMPOSE_PROFILES", "SUTWEB_HISTORY_PROVIDER", "SUTWEB_POSTGRES_PASSWORD" })
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            if (value is not null)
            {
                start.Environment[name] = value;
            }
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
