namespace SutWeb.Tests.EndToEnd;

/// <summary>
/// axe-core's browser script, from the npm package pinned in <c>EndToEnd/axe/package-lock.json</c> and copied into the
/// test output by the build (never fetched while the tests run). <c>SUTWEB_AXE_SCRIPT</c> may name another copy.
/// Missing, the accessibility tests skip with the reason outside CI and fail under <c>CI=true</c>.
/// </summary>
public static class AxeScript
{
    public static string Path =>
        Environment.GetEnvironmentVariable("SUTWEB_AXE_SCRIPT") is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");

    /// <summary>The script's path; without the file, skips the calling [SkippableFact] (or fails it under CI=true).</summary>
    public static string Require()
    {
        var path = Path;
        if (File.Exists(path))
        {
            return path;
        }
        var reason = $"No axe-core for the accessibility tests: {path} is missing. Run `npm ci --prefix SutWeb.Tests/EndToEnd/axe`, then build again.";
        if (BrowserFixture.IsCi)
        {
            throw new InvalidOperationException($"{reason} Under CI=true the accessibility tests must run.");
        }
        Skip.If(true, reason);
        throw new InvalidOperationException(reason);
    }
}
