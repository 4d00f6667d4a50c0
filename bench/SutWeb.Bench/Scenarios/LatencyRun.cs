using SutWeb.Bench.Reporting;

namespace SutWeb.Bench.Scenarios;

/// <summary>Change-to-screen figures at one poll interval.</summary>
public sealed record LatencyRun(
    TimeSpan Interval,
    int Changes,
    Distribution Hub,
    Distribution Dom,
    Distribution UntilPoll,
    Distribution PublishToClient,
    Distribution DomAfterHub,
    Distribution PollHttp,
    Distribution PollTotal,
    string? DomNote)
{
    /// <summary>The interval in force the board's health stated when the changes were done (adaptive polling stays at <see cref="Interval"/>).</summary>
    public double? PaceMs { get; init; }
}
