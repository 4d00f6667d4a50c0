namespace SutWeb.Bench.Scenarios;

/// <summary>One outage of the source and its return: what the receiver got and what the sent metric counted, by event.</summary>
/// <param name="AgentsKept">The source came back with its agents (true) or without any of them (false).</param>
/// <param name="RecoveredCount">The <c>count</c> of the SourceRecovered message (1 + agents found gone).</param>
public sealed record NotificationOutageResult(
    bool AgentsKept,
    int Agents,
    Dictionary<string, int> Received,
    Dictionary<string, long> SentMetric,
    int? RecoveredCount,
    double DownToldSeconds,
    double RecoveredToldSeconds);
