using System.Diagnostics;
using SutWeb.Configuration;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Configuration;

/// <summary>
/// A bad setting ends SutWeb with the message alone and exit code 2: run as a process (the built SutWeb.dll), as a
/// person or a container supervisor sees it, not an abort (134) with the useful line among stack traces.
/// </summary>
public sealed class StartupErrorsTests
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Process_TimeSpanSettingIsBanana_ExitsWith2AndSaysTheExpectedFormWithoutAStackTrace()
    {
        var (exit, stderr) = await RunSutWebAsync("--Eggplant:PollInterval", "banana");

        Assert.Equal(StartupErrors.ExitCode, exit);
        Assert.Equal(
            "SutWeb cannot start: Eggplant:PollInterval is 'banana', which is not a time span: write it as hh:mm:ss, e.g. 00:00:02 "
            + "(hh:mm:ss.fff for fractions, d.hh:mm:ss for days).", stderr.Trim());
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task Process_SettingOutOfRange_ExitsWith2WithTheValidatorsMessage()
    {
        var (exit, stderr) = await RunSutWebAsync("--Eggplant:PollInterval", "00:00:00.010");

        Assert.Equal(StartupErrors.ExitCode, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("SutWeb cannot start: ", line);
        Assert.Contains("Eggplant:PollInterval", line);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Describe_BindersTimeSpanError_NamesTheSettingAndTheForm()
    {
        var binder = new InvalidOperationException(
            "Failed to convert configuration value 'banana' at 'Dashboard:StuckAfter' to type 'System.TimeSpan'.", new FormatException());

        var message = Assert.Single(StartupErrors.Describe(binder));

        Assert.Equal("Dashboard:StuckAfter is 'banana', which is not a time span: write it as hh:mm:ss, e.g. 00:00:02 "
            + "(hh:mm:ss.fff for fractions, d.hh:mm:ss for days).", message);
    }

    [Fact]
    public void Describe_AnyOtherError_IsNotTakenForABadSetting()
    {
        Assert.Empty(StartupErrors.Describe(new InvalidOperationException("Something else broke.")));
        Assert.Empty(StartupErrors.Describe(new IOException("Address already in use.")));
    }

    /// <summary>SutWeb's own build output, started with <c>dotnet exec</c> from its directory (where its appsettings are).</summary>
    private static async Task<(int Exit, string Stderr)> RunSutWebAsync(params string[] args)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        // …/SutWeb.Tests/bin/<Configuration>/<framework>/ → …/SutWeb/bin/<Configuration>/<framework>/SutWeb.dll
        var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("The repository root was not found.");
        var output = Path.Combine(root, "SutWeb", "bin", testOutput.Parent!.Name, testOutput.Name);
        var dll = Path.Combine(output, "SutWeb.dll");
        Assert.True(File.Exists(dll), $"SutWeb is not built at {dll}.");

        var start = new ProcessStartInfo("dotnet", ["exec", dll, "--urls", "http://127.0.0.1:0", .. args])
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ProcessTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"SutWeb did not stop within {ProcessTimeout.TotalSeconds} s: {await stdout}");
        }
        return (process.ExitCode, await stderr);
    }
}
