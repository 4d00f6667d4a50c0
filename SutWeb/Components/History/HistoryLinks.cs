namespace SutWeb.Components.History;

/// <summary>
/// Where history lives, as links relative to the page's base address (so SutWeb also works under a path prefix).
/// A run's link is its agent's page with the run's anchor: the desk's outcome strip and <c>/history</c> link to it.
/// </summary>
public static class HistoryLinks
{
    public const string HistoryPage = "history";
    public const string CsvPath = "api/history/runs.csv";

    public static string Agent(string source, string agentName) =>
        $"agents/{Uri.EscapeDataString(source)}/{Uri.EscapeDataString(agentName)}";

    /// <summary>The element id of a run's row on its agent's page.</summary>
    public static string RunAnchor(string executionId) => "run-" + executionId;

    public static string Run(string source, string agentName, string executionId) =>
        Agent(source, agentName) + "#" + Uri.EscapeDataString(RunAnchor(executionId));

    public static string History(RunFilter filter) => WithQuery(HistoryPage, filter);

    /// <summary>The CSV of the same runs (the API's <c>runs.csv</c>, same parameters).</summary>
    public static string Csv(RunFilter filter) => WithQuery(CsvPath, filter);

    private static string WithQuery(string path, RunFilter filter) =>
        filter.ToQueryString() is { Length: > 0 } query ? path + "?" + query : path;
}
