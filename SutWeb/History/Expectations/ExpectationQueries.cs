using Microsoft.EntityFrameworkCore;

namespace SutWeb.History.Expectations;

/// <summary>
/// The few small queries behind <see cref="RunExpectations"/>, newest first on the indexes (<c>ModelName</c>,
/// <c>StartTime</c>) and (<c>Source</c>, <c>AgentName</c>, <c>StartTime</c>): a model's last durations, an agent's
/// last outcomes, streak and last pass (among its last <see cref="StreakLimit"/> decisive runs).
/// </summary>
public sealed class ExpectationQueries(HistoryDatabase database)
{
    /// <summary>A streak is counted, and a last pass looked for, among at most this many of an agent's newest decisive runs.</summary>
    public const int StreakLimit = 1000;

    private static readonly string[] Decisive = [RunOutcomes.Passed, RunOutcomes.Failed, RunOutcomes.Incomplete];

    /// <summary>The durations of the model's last <see cref="RunExpectations.SampleSize"/> finished runs on the source, newest first.</summary>
    public async Task<List<DurationSample>> DurationsAsync(HistoryKey model, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var rows = await context.Runs.AsNoTracking()
            .Where(r => r.ModelName == model.Name && r.Source == model.Source && Decisive.Contains(r.Outcome) && r.DurationSeconds != null)
            .OrderByDescending(r => r.StartTime).ThenByDescending(r => r.Id)
            .Take(RunExpectations.SampleSize)
            .Select(r => new { r.ExecutionId, r.StartTime, r.DurationSeconds })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DurationSample(r.ExecutionId, r.StartTime, r.DurationSeconds!.Value))];
    }

    public async Task<AgentTrackRecord> TrackRecordAsync(HistoryKey agent, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var runs = context.Runs.AsNoTracking().Where(r => r.Source == agent.Source && r.AgentName == agent.Name);
        var last = await runs.Where(r => r.Outcome != RunOutcomes.Running)
            .OrderByDescending(r => r.StartTime).ThenByDescending(r => r.Id)
            .Take(RunExpectations.OutcomeCount)
            .Select(r => new PastRun(r.ExecutionId, r.Outcome, r.StartTime, r.EndTime))
            .ToListAsync(cancellationToken);
        // The streak and the last pass from the agent's newest decisive runs, read on its own index (a count or a
        // search by outcome could take the outcome's index and scan every agent's runs).
        var decisive = await runs.Where(r => Decisive.Contains(r.Outcome))
            .OrderByDescending(r => r.StartTime).ThenByDescending(r => r.Id)
            .Take(StreakLimit)
            .Select(r => new { r.Outcome, r.StartTime, r.EndTime })
            .ToListAsync(cancellationToken);
        RunStreak? streak = decisive.Count == 0
            ? null
            : new RunStreak(decisive[0].Outcome, decisive.TakeWhile(r => r.Outcome == decisive[0].Outcome).Count());
        var passed = decisive.Find(r => r.Outcome == RunOutcomes.Passed);
        return new AgentTrackRecord(last, streak, passed is null ? null : passed.EndTime ?? passed.StartTime);
    }
}
