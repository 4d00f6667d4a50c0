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
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SutWeb.sln")))
                {
                    return Path.Combine(directory.FullName, "TestResults");
                }
            }
            return Path.Combine(AppContext.BaseDirectory, "TestResults");
        }
    }

    public static string ScreenshotPath(string name)
    {
        var directory = Path.Combine(ResultsDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name + ".png");
    }
}
