using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.EndToEnd;

/// <summary>
/// Where tests leave files for people to look at: <c>SUTWEB_TEST_RESULTS</c>, or else the repository's
/// <c>TestResults</c> directory (the one <c>test.sh</c> creates), found above the test assembly.
/// </summary>
public static class TestArtifacts
{
    public static string ResultsDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("SUTWEB_TEST_RESULTS") is { Length: > 0 } configured)
            {
                return configured;
            }
            return Path.Combine(RepositoryRoot.Find() ?? AppContext.BaseDirectory, "TestResults");
        }
    }

    public static string ScreenshotPath(string name)
    {
        var directory = Path.Combine(ResultsDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name + ".png");
    }
}
