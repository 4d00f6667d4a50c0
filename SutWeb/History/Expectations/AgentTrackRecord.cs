namespace SutWeb.History.Expectations;

/// <summary>What history says of one agent on one source: its last outcomes, its streak and when it last passed.</summary>
/// <param name="Last">Its last finished runs (any outcome but Running, Lost included), newest first, at most <see cref="RunExpectations.OutcomeCount"/>.</param>
/// <param name="Streak">Null when it has no decisive outcome on record.</param>
/// <param name="LastPassedAt">When its last passed run ended (started, when the server gave no end); null when none is on record.</param>
public sealed record AgentTrackRecord(IReadOnlyList<PastRun> Last, RunStreak? Streak, DateTimeOffset? LastPassedAt)
{
    public static AgentTrackRecord Empty { get; } = new([], null, null);

    /// <summary>Decisive outcomes make streaks and durations; Lost and undocumented ones do not.</summary>
    public static bool IsDecisive(string outcome) =>
        outcome is RunOutcomes.Passed or RunOutcomes.Failed or RunOutcomes.Incomplete;

    /// <summary>This record after <paramref name="run"/> finished, unless it already holds it (read back from the database).</summary>
    public AgentTrackRecord With(PastRun run)
    {
        var earlier = Last;
        if (Last.FirstOrDefault(r => r.ExecutionId == run.ExecutionId) is { } known)
        {
            // Lost, then seen to finish after all (its agent came back): the real outcome replaces it.
            if (known.Outcome != RunOutcomes.Lost || run.Outcome == RunOutcomes.Lost)
            {
                return this;
            }
            earlier = [.. Last.Where(r => r != known)];
        }
        var last = earlier.Append(run).OrderByDescending(r => r.StartTime).Take(RunExpectations.OutcomeCount).ToList();
        var streak = Streak;
        // Only a run newer than every decisive one on record moves the streak (one caught up after a gap does not).
        var newest = earlier.Where(r => IsDecisive(r.Outcome)).Select(r => (DateTimeOffset?)r.StartTime).FirstOrDefault();
        if (IsDecisive(run.Outcome) && (newest is null || run.StartTime >= newest))
        {
            streak = streak?.Outcome == run.Outcome ? streak with { Count = streak.Count + 1 } : new RunStreak(run.Outcome, 1);
        }
        var passedAt = LastPassedAt;
        if (run.Outcome == RunOutcomes.Passed && (run.EndTime ?? run.StartTime) is var at && (passedAt is null || at > passedAt))
        {
            passedAt = at;
        }
        return new AgentTrackRecord(last, streak, passedAt);
    }
}
