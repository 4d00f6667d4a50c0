using System.Text.RegularExpressions;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.History;

public sealed class SqliteHistoryRecorderTests : HistoryRecorderTests
{
    protected override Task<HistoryTestDatabase> NewDatabaseAsync() => Task.FromResult<HistoryTestDatabase>(new SqliteTestDatabase());

    [Fact]
    public async Task Metrics_HistoryRecording_EveryHistoryMetricExportedIsInTheReadme()
    {
        await using var database = new SqliteTestDatabase();
        await using var host = await HistoryHost.StartAsync(database);
        await host.PutAgentAsync("lab-m", HistoryAgents.Idle("lab-m", 5301));
        await Eventually.UntilAsync(async () => (await host.EventsAsync("lab-m")).Count > 0, "the agent's connection is recorded");

        string metrics = "";
        await Eventually.UntilAsync(async () =>
        {
            metrics = await host.Http.GetStringAsync("/metrics");
            return metrics.Contains("sutweb_history_write_lag_seconds", StringComparison.Ordinal);
        }, "the write lag is exported");
        var exported = Regex.Matches(metrics, @"^# TYPE (sutweb_history_[a-z_]+) ", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find()!, "README.md"));
        var documented = Regex.Matches(readme, @"^\| `(sutweb_history_[a-z_]+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Superset(new HashSet<string> { "sutweb_history_write_lag_seconds", "sutweb_history_pending_writes", "sutweb_history_degraded" }, exported);
        Assert.Subset(documented, exported);
    }
}
