using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.History;
using SutWeb.History.Expectations;
using SutWeb.Tests.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.EndToEnd;

/// <summary>
/// A real SutWeb recording into SQLite, with the history the live board draws on: lab-1 ran Checkout four times
/// (passed, then failed three times in a row; 18, 20, 22 and 20 minutes, so Checkout usually takes 20 minutes here) and
/// stays on its last failure; lab-2 is 5 minutes into a Checkout run, lab-3 25 minutes (over the usual).
/// </summary>
internal sealed class LiveHistoryScene : IAsyncDisposable
{
    public const string Model = "Checkout";
    public static readonly TimeSpan Usual = TimeSpan.FromMinutes(20);

    private static readonly (string Outcome, int Minutes)[] Lab1Runs =
        [(RunOutcomes.Passed, 18), (RunOutcomes.Failed, 20), (RunOutcomes.Failed, 22), (RunOutcomes.Failed, 20)];

    private readonly SqliteTestDatabase _database;

    private LiveHistoryScene(SqliteTestDatabase database, SutWebHost host) => (_database, Host) = (database, host);

    public SutWebHost Host { get; }

    /// <summary>lab-1's runs, newest first, as its strip shows them.</summary>
    public IReadOnlyList<string> Lab1ExecutionIds { get; private set; } = [];

    /// <summary>When each of lab-1's runs started, newest first.</summary>
    public IReadOnlyList<DateTimeOffset> Lab1Starts { get; private set; } = [];

    public DateTimeOffset Lab2Start { get; private set; }

    public DateTimeOffset Lab3Start { get; private set; }

    public static async Task<LiveHistoryScene> StartAsync()
    {
        var database = new SqliteTestDatabase();
        SutWebHost? host = null;
        try
        {
            host = await HistoryHost.StartAsync(database);
            var scene = new LiveHistoryScene(database, host);
            await scene.SeedAsync();
            return scene;
        }
        catch
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Through the simulator, as an Eggplant server would show them: each finished run is stored before the next
    /// replaces it, so the recorder and the live expectations see every one.
    /// </summary>
    private async Task SeedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var ids = new List<string>();
        var starts = new List<DateTimeOffset>();
        for (var i = 0; i < Lab1Runs.Length; i++)
        {
            var (outcome, minutes) = Lab1Runs[i];
            var id = Guid.NewGuid().ToString();
            var start = now.AddMinutes(-120 + 25 * i);
            var agent = HistoryAgents.WithRun("lab-1", 5001, id, outcome, Model, start);
            agent["execution_status"]!["endtime"] = start.AddMinutes(minutes).ToString("O", CultureInfo.InvariantCulture);
            await Host.PutAgentAsync("lab-1", agent);
            await Host.RunAsync(id, outcome);
            ids.Insert(0, id);
            starts.Insert(0, start);
        }
        (Lab1ExecutionIds, Lab1Starts) = (ids, starts);

        Lab2Start = now.AddMinutes(-5);
        Lab3Start = now.AddMinutes(-25);
        await Host.PutAgentAsync("lab-2", HistoryAgents.WithRun("lab-2", 5002, Guid.NewGuid().ToString(), "Running", Model, Lab2Start));
        await Host.PutAgentAsync("lab-3", HistoryAgents.WithRun("lab-3", 5003, Guid.NewGuid().ToString(), "Running", Model, Lab3Start));

        var expectations = Host.Services.GetRequiredService<RunExpectations>();
        await Eventually.UntilAsync(() => expectations.For("default", Model)?.Runs == Lab1Runs.Length, "four runs of Checkout make its usual duration");
        Assert.Equal(new RunExpectation(Usual, Lab1Runs.Length), expectations.For("default", Model));
        await Eventually.UntilAsync(() => Host.Board.Current.Agents.Count == 3, "the board shows lab-1, lab-2 and lab-3");
    }

    /// <summary>Where a run that started at <paramref name="start"/> stands now against Checkout's usual 20 minutes.</summary>
    public static RunProgress ProgressNow(DateTimeOffset start) =>
        new RunExpectation(Usual, Lab1Runs.Length).Progress(DateTimeOffset.UtcNow - start);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _database.DisposeAsync();
    }
}
