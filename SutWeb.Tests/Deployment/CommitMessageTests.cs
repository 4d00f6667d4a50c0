using System.Diagnostics;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Deployment;

/// <summary>
/// The history stays readable: every commit since the rule was adopted passes the repository's own commit-msg hook
/// (<c>.githooks/commit-msg</c>: a subject of at most 72 characters, no full stop, a blank line before the body).
/// </summary>
public sealed class CommitMessageTests
{
    /// <summary>The last commit before the rule; older subjects are history that cannot be rewritten.</summary>
    private const string RuleAdoptedAfter = "1d851fb";

    private static readonly string Root = RepositoryRoot.Find() ?? throw new InvalidOperationException("SutWeb.sln not found above the tests.");

    private static string Hook => Path.Combine(Root, ".githooks", "commit-msg");

    [Theory]
    [InlineData("Add a source filter to the desk", true)]
    [InlineData("Add a source filter to the desk\n\nBecause TVs are set up by bookmark.", true)]
    [InlineData("Make the board's subscription hand out batches of updates gathered on the TimeProvider clock", false)]
    [InlineData("Add a source filter to the desk.", false)]
    [InlineData("Add a source filter\nto the desk", false)]
    [InlineData("", false)]
    public void Hook_Message_AcceptedOnlyWhenReadable(string message, bool accepted)
    {
        Assert.Equal(accepted, RunHook(message).ExitCode == 0);
    }

    [SkippableFact]
    public void History_SinceTheRule_EveryMessagePassesTheHook()
    {
        var (code, log) = Run("git", $"-C \"{Root}\" log --format=%H {RuleAdoptedAfter}..HEAD");
        Skip.If(code != 0, $"No git history with {RuleAdoptedAfter} here (a shallow or exported copy).");
        var refused = new List<string>();
        foreach (var commit in log.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var (_, message) = Run("git", $"-C \"{Root}\" show -s --format=%B {commit}");
            var (exitCode, output) = RunHook(message.TrimEnd('\n'));
            if (exitCode != 0)
            {
                refused.Add($"{commit[..7]}: {output.Trim()}");
            }
        }
        Assert.Empty(refused);
    }

    private static (int ExitCode, string Output) RunHook(string message)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, message + "\n");
            return Run("bash", $"\"{Hook}\" \"{file}\"");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static (int ExitCode, string Output) Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
