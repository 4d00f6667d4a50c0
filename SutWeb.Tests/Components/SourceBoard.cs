using SutWeb.Eggplant;
using SutWeb.Eggplant.Sources;
using SutWeb.Monitoring;
using SutWeb.Shared.Mapping;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Components;

/// <summary>
/// Several sources on a test's board, as their pollers publish them: each its own agents, then its health. The usual
/// pair is <c>default</c> (a real server, <see cref="DefaultName"/>) and <see cref="LabB"/> ("Lab B").
/// </summary>
public static class SourceBoard
{
    public const string LabB = "lab-b";
    public const string LabBName = "Lab B";
    public const string DefaultName = "dai.example.com:8080";

    /// <summary>The settings behind the usual pair: the flat server and <c>Eggplant:Sources:lab-b</c>.</summary>
    public static void Configure(EggplantOptions options)
    {
        options.BaseUrl = "http://dai.example.com:8080/";
        options.Sources[LabB] = new EggplantSourceSettings
        {
            BaseUrl = "https://lab-b.example.com/",
            Username = "lab-b-user",
            Password = "lab-b-secret",
            DisplayName = LabBName,
        };
    }

    /// <summary>
    /// The agent as its source's poller stamps it: its key prefixed and the source named, for any source but <c>default</c>,
    /// whose poller stamps nothing (as before sources existed), so that only the board's health names it.
    /// </summary>
    public static AgentView From(this AgentView agent, string source, string sourceName) =>
        source == AgentKeys.DefaultSource
            ? agent
            : agent with { Key = AgentKeys.For(source, agent.AgentName, agent.Port), Source = source, SourceName = sourceName };

    /// <summary>
    /// One good poll of <paramref name="source"/>: its agents (stamped with it), then healthy as of <paramref name="now"/>
    /// at the 2 s interval the test contexts configure.
    /// </summary>
    public static void Publish(AgentBoard board, DateTimeOffset now, string source, string sourceName, params AgentView[] agents)
    {
        board.PublishAgents(source, [.. agents.Select(a => a.From(source, sourceName)).OrderBy(a => a.Key, StringComparer.Ordinal)], now);
        board.PublishHealth(source, sourceName, Healthy(now, TimeSpan.FromSeconds(2)));
    }

    /// <summary>One good poll of each of the usual pair, both answering <paramref name="agents"/>.</summary>
    public static void PublishBoth(AgentBoard board, DateTimeOffset now, params AgentView[] agents)
    {
        Publish(board, now, AgentKeys.DefaultSource, DefaultName, agents);
        Publish(board, now, LabB, LabBName, agents);
    }

    public static UpstreamHealth Healthy(DateTimeOffset lastSuccessAt, TimeSpan pollInterval) => new()
    {
        State = UpstreamState.Healthy,
        LastSuccessAt = lastSuccessAt,
        PollIntervalSeconds = pollInterval.TotalSeconds,
    };
}
