using System.Text;

namespace SutWeb.Bench.Reporting;

/// <summary>
/// docs/PERFORMANCE.md holds hand-written explanations and generated figures. The figures sit between
/// <c>&lt;!-- bench:NAME:begin --&gt;</c> and <c>&lt;!-- bench:NAME:end --&gt;</c>; a run replaces only the sections it measured.
/// </summary>
public static class PerformanceDoc
{
    public static void Update(string path, IReadOnlyDictionary<string, string> sections)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Performance\n";
        foreach (var (name, body) in sections)
        {
            var begin = $"<!-- bench:{name}:begin -->";
            var end = $"<!-- bench:{name}:end -->";
            var replacement = new StringBuilder().Append(begin).Append('\n').Append(body.TrimEnd()).Append('\n').Append(end).ToString();
            var from = text.IndexOf(begin, StringComparison.Ordinal);
            var to = from < 0 ? -1 : text.IndexOf(end, from, StringComparison.Ordinal);
            text = from < 0 || to < 0
                ? text.TrimEnd() + "\n\n" + replacement + "\n"
                : text[..from] + replacement + text[(to + end.Length)..];
        }
        File.WriteAllText(path, text);
    }

    /// <summary>The repository root: the nearest folder above <paramref name="start"/> holding SutWeb.sln.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SutWeb.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
