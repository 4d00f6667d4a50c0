using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace SutWeb.Tests.TestSupport;

/// <summary>What the bench programs' figures were measured on: commit, cores, CPU, memory, OS, .NET, browser, load.</summary>
public static class MachineInfo
{
    public static string Cpu() =>
        ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        ?? RuntimeInformation.ProcessArchitecture.ToString();

    public static string Memory()
    {
        var line = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        if (line is null || !long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kib))
        {
            return "unknown";
        }
        return (kib / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";
    }

    public static string Os()
    {
        var pretty = ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?[12..].Trim('"');
        var kernel = ReadLines("/proc/sys/kernel/osrelease").FirstOrDefault();
        return $"{pretty ?? RuntimeInformation.OSDescription}, kernel {kernel ?? "?"}";
    }

    /// <summary>1, 5 and 15 minute load averages: other work on the machine while the figures were taken.</summary>
    public static string LoadAverage() => string.Join(' ', (ReadLines("/proc/loadavg").FirstOrDefault() ?? "").Split(' ').Take(3));

    public static string Nproc() => Run("nproc", "") ?? Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture);

    public static string GitCommit(string repo) => Run("git", $"-C \"{repo}\" rev-parse --short HEAD") ?? "unknown";

    public static string Chromium(string path) => File.Exists(path) ? Run(path, "--version")?.Split('\n')[0].Trim() ?? "unknown" : "not installed";

    /// <summary>When, on which commit and machine, and how busy it was, for the JSON beside the figures.</summary>
    /// <param name="browser">The browser's version, or why there was none.</param>
    public static object Describe(DateTimeOffset started, string loadAtStart, string browser) => new
    {
        measuredAt = started.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        seconds = Math.Round((DateTimeOffset.UtcNow - started).TotalSeconds),
        commit = RepositoryRoot.Find() is { } repo ? GitCommit(repo) : "unknown",
        loadAverage = new { atStart = loadAtStart, atEnd = LoadAverage() },
        machine = new
        {
            nproc = Nproc(),
            cpu = Cpu(),
            memory = Memory(),
            os = Os(),
            dotnet = $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier}), {(GCSettings.IsServerGC ? "server" : "workstation")} GC",
            browser,
        },
    };

    private static IEnumerable<string> ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string? Run(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(10_000);
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
