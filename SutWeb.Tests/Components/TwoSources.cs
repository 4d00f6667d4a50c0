using SutWeb.Eggplant;
using SutWeb.Eggplant.Sources;
using SutWeb.Shared.Mapping;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Components;

/// <summary>A board of two sources, as the pollers publish it: <c>default</c> (a real server) and <c>lab-b</c> ("Lab B").</summary>
public static class TwoSources
{
    public const string LabB = "lab-b";
    public const string LabBName = "Lab B";
    public const string DefaultName = "dai.example.com:8080";

    /// <summary>The settings behind the board: the flat server and <c>Eggplant:Sources:lab-b</c>.</summary>
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

    /// <summary>An agent of Lab B, keyed as its poller keys it (<c>lab-b/name:port</c>).</summary>
    public static AgentView InLabB(AgentView agent) =>
        agent with { Key = AgentKeys.For(LabB, agent.AgentName, agent.Port), Source = LabB, SourceName = LabBName };

    public static UpstreamHealth Healthy(DateTimeOffset lastSuccessAt, TimeSpan pollInterval) => new()
    {
        State = UpstreamState.Healthy,
        LastSuccessAt = lastSuccessAt,
        PollIntervalSeconds = pollInterval.TotalSeconds,
    };
}
