using Microsoft.EntityFrameworkCore;

namespace SutWeb.History.Expectations;

/// <summary>
/// The few small queries behind <see cref="RunExpectations"/>, newest first on the indexes (<c>ModelName</c>,
/// <c>StartTime</c>) and (<c>Source</c>, <c>AgentName</c>, <c>StartTime</c>): a model's last durations, an agent's
/// last outcomes, streak and last pass.
/// </summary>
public sealed class ExpectationQueries(HistoryDatabase database)
{
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
        var decisive = runs.Where(r => Decisive.Contains(r.Outcome));
        var newest = await decisive.OrderByDescending(r => r.StartTime).ThenByDescending(r => r.Id)
            .Select(r => new { r.Outcome, r.StartTime }).FirstOrDefaultAsync(cancellationToken);
        RunStreak? streak = null;
        if (newest is not null)
        {
            // The streak runs back to the newest decisive run that ended otherwise.
            var broken = await decisive.Where(r => r.Outcome != newest.Outcome)
                .OrderByDescending(r => r.StartTime).ThenByDescending(r => r.Id)
                .Select(r => (DateTimeOffset?)r.StartTime).FirstOrDefaultAsync(cancellationToken);
            var same = decisive.Where(r => r.Outcome == newest.Outcome);
            if (broken is { } since)
            {
                same = same.Where(r => r.StartTime > since);
            }
            streak = new RunStreak(newest.Outcome, await same.CountAsync(cancellationToken));
        }
        var passed = await runs.Where(r => r.Outcome == RunOutcomes.Passed)
            .OrderByDescending(r => r.StartTime).ThenByDescending(r => r.Id)
            .Select(r => new { r.StartTime, r.EndTime }).FirstOrDefaultAsync(cancellationToken);
        return new AgentTrackRecord(last, streak, passed is null ? null : passed.EndTime ?? passed.StartTime);
    }
}
