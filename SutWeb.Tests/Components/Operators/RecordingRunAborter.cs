using SutWeb.Operators;

namespace SutWeb.Tests.Components.Operators;

/// <summary>Stands in for the abort action: records what the page asked for and answers what the test chose.</summary>
public sealed class RecordingRunAborter : IRunAborter
{
    public List<AbortAttempt> Attempts { get; } = [];

    public AbortResult Answer { get; set; } = new(AbortOutcome.AbortRequested);

    public Task<AbortResult> AbortAsync(AbortAttempt attempt, CancellationToken cancellationToken)
    {
        Attempts.Add(attempt);
        return Task.FromResult(Answer);
    }
}
