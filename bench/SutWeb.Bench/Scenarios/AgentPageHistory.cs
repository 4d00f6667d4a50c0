using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SutWeb.History;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// The history an agent page reads in <see cref="AgentPageScenario"/>: a few busy agents of one source, each with a run
/// every 15 minutes for the last 31 days (2,976 runs, back to back, with a last log of about 300 characters), the run's
/// two events, and a disconnect of about an hour once a day. Written through EF Core into the migrated schema before the
/// host starts, so the host's reads are the page's only work.
/// </summary>
public static class AgentPageHistory
{
    public const string Source = "bench-history";
    public const int Agents = 10;
    public const int Days = 31;
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(15);
    private const int Chunk = 5_000;

    public static string AgentName(int agent) => "busy-" + (agent + 1).ToString("D2", CultureInfo.InvariantCulture);

    /// <returns>The runs written per agent.</returns>
    public static async Task<int> WriteAsync(string dataDirectory, DateTimeOffset now)
    {
        var settings = new Dictionary<string, string?> { ["History:Provider"] = "Sqlite", ["History:DataDirectory"] = dataDirectory };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddHistory(configuration).BuildServiceProvider();
        var database = services.GetRequiredService<HistoryDatabase>();
        await database.MigrateAsync(CancellationToken.None);

        var random = new Random(13);
        var first = now - TimeSpan.FromDays(Days);
        var runsPerAgent = (int)((now - first - Every) / Every);
        var runs = new List<HistoryRun>();
        var events = new List<HistoryEvent>();
        for (var agent = 0; agent < Agents; agent++)
        {
            var name = AgentName(agent);
            var port = 5400 + agent;
            events.Add(Event(first - TimeSpan.FromMinutes(5), name, port, AgentEventKinds.Connected, "Idle", null));
            for (var i = 0; i < runsPerAgent; i++)
            {
                var start = first + Every * i;
                var run = Run(agent, i, start, random);
                runs.Add(run);
                events.Add(Event(start, name, port, AgentEventKinds.RunStarted, RunOutcomes.Running, run.ExecutionId));
                events.Add(Event(run.EndTime!.Value, name, port, AgentEventKinds.RunFinished, run.Outcome, run.ExecutionId));
            }
            // About an hour off once a day, at a different time each day.
            for (var day = 0; day < Days; day++)
            {
                var off = first + TimeSpan.FromDays(day) + TimeSpan.FromMinutes(random.Next(24 * 60 - 120));
                events.Add(Event(off, name, port, AgentEventKinds.Disconnected, "Unknown", null));
                events.Add(Event(off + TimeSpan.FromMinutes(30 + random.Next(60)), name, port, AgentEventKinds.Connected, "Idle", null));
            }
        }
        foreach (var chunk in runs.Chunk(Chunk))
        {
            await using var context = database.CreateContext();
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            context.Runs.AddRange(chunk);
            await context.SaveChangesAsync();
        }
        foreach (var chunk in events.OrderBy(e => e.At).Chunk(Chunk))
        {
            await using var context = database.CreateContext();
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            context.AgentEvents.AddRange(chunk);
            await context.SaveChangesAsync();
        }
        return runsPerAgent;
    }

    private static HistoryRun Run(int agent, int i, DateTimeOffset start, Random random)
    {
        var duration = 300 + random.Next(540);
        var roll = random.NextDouble();
        var outcome = roll < 0.7 ? RunOutcomes.Passed : roll < 0.9 ? RunOutcomes.Failed : roll < 0.98 ? RunOutcomes.Incomplete : RunOutcomes.Lost;
        var lines = Enumerable.Range(0, 4).Select(_ => string.Create(CultureInfo.InvariantCulture,
            $"2026-11-25 10:{random.Next(60):D2}:{random.Next(60):D2} step {random.Next(1000)}: click \"Submit\" on screen {random.Next(50)}"));
        return new HistoryRun
        {
            Source = Source,
            ExecutionId = string.Create(CultureInfo.InvariantCulture, $"exec-{agent:D2}-{i:D5}"),
            AgentName = AgentName(agent),
            Port = 5400 + agent,
            RunId = (1_000_000 + agent * 10_000 + i).ToString(CultureInfo.InvariantCulture),
            ProcessId = 20_000 + random.Next(40_000),
            ModelName = "Model " + (random.Next(6) + 1).ToString("D2", CultureInfo.InvariantCulture),
            UserName = "user" + random.Next(20).ToString(CultureInfo.InvariantCulture),
            Type = "model",
            Initiator = random.Next(4) == 0 ? "api" : "ui",
            StartTime = start,
            EndTime = start.AddSeconds(duration),
            Outcome = outcome,
            DurationSeconds = duration,
            LastLog = string.Join("\r\n", lines) + "\r\nExecution finished: " + outcome,
            UpdatedAt = start.AddSeconds(duration),
        };
    }

    private static HistoryEvent Event(DateTimeOffset at, string agent, int port, string kind, string state, string? executionId) => new()
    {
        At = at,
        Source = Source,
        AgentName = agent,
        Port = port,
        Kind = kind,
        State = state,
        ExecutionId = executionId,
    };
}
