using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace SutWeb.Bench.Reporting;

/// <summary>What the figures were measured on: cores, CPU, memory, OS, .NET, load.</summary>
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

    /// <param name="duration">The whole run's duration; given only for a run of every measurement.</param>
    public static string Markdown(string repo, string chromium, DateTimeOffset started, string loadAtStart, TimeSpan? duration)
    {
        var table = MarkdownTable.Text("what", "value")
            .Row("measured", started.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
            .Row("commit", GitCommit(repo))
            .Row("`nproc`", Nproc())
            .Row("CPU", Cpu())
            .Row("memory", Memory())
            .Row("OS", Os())
            .Row(".NET", $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier}), {(GCSettings.IsServerGC ? "server" : "workstation")} GC")
            .Row("browser", chromium)
            .Row("load average at start (1, 5, 15 min)", loadAtStart)
            .Row("load average at end", LoadAverage());
        if (duration is { } d)
        {
            table.Row("duration of the run (after the build)", $"{d.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture)} min");
        }
        return table.ToString();
    }

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
