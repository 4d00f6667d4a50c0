namespace SutWeb.History.Expectations;

/// <summary>The loader's working copy of one model's last durations on a source, newest first.</summary>
internal sealed class ModelEntry(List<DurationSample> samples)
{
    public long Touched { get; set; }

    /// <summary>Adds a run seen to finish, unless it is already counted; false when nothing changed.</summary>
    public bool Add(DurationSample sample)
    {
        if (samples.Exists(s => s.ExecutionId == sample.ExecutionId))
        {
            return false;
        }
        var at = samples.FindIndex(s => s.StartTime < sample.StartTime);
        samples.Insert(at < 0 ? samples.Count : at, sample);
        if (samples.Count > RunExpectations.SampleSize)
        {
            samples.RemoveRange(RunExpectations.SampleSize, samples.Count - RunExpectations.SampleSize);
        }
        return true;
    }

    public RunExpectation? Expectation() =>
        samples.Count >= RunExpectations.MinimumRuns && RunExpectation.Median(samples.Select(s => s.Seconds)) is { } usual
            ? new RunExpectation(usual, samples.Count)
            : null;
}
