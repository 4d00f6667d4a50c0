namespace SutWeb.Tests.TestSupport;

/// <summary>The repository's root directory (the one holding <c>SutWeb.sln</c>), found above the test assembly.</summary>
public static class RepositoryRoot
{
    public static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SutWeb.sln")))
            {
                return directory.FullName;
            }
        }
        return null;
    }
}
