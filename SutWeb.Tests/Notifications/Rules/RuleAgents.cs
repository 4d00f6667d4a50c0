using SutWeb.Shared.Mapping;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Notifications.Rules;

/// <summary>Board agents for the rules' tests: idle, or with one run in a given status.</summary>
internal static class RuleAgents
{
    public static AgentView Idle(string name, string source = AgentKeys.DefaultSource, int port = 5400) => new()
    {
        Key = AgentKeys.For(source, name, port),
        AgentName = name,
        Port = port,
        State = AgentState.Idle,
        Source = source,
        SourceName = source == AgentKeys.DefaultSource ? "Main lab" : $"Lab {source}",
    };

    /// <summary>An agent with the run <paramref name="executionId"/> in <paramref name="status"/>, started at <paramref name="start"/>.</summary>
    public static AgentView WithRun(
        string name,
        string executionId,
        string status,
        DateTimeOffset start,
        string model = "Checkout",
        string source = AgentKeys.DefaultSource,
        int port = 5400)
    {
        var running = status == "Running";
        return Idle(name, source, port) with
        {
            State = Enum.TryParse<AgentState>(status, out var state) ? state : AgentState.Unknown,
            ProcessId = 4100,
            LastLog = $"{model}: step 40 of 40, {status}",
            Execution = new ExecutionView
            {
                Id = executionId,
                ModelName = model,
                UserName = "priya.shah@example.com",
                StartTime = start,
                EndTime = running ? null : start.AddMinutes(3),
                Type = "model",
                AgentName = name,
                Initiator = "scheduler",
                RunId = "run-" + executionId,
                Status = status,
                ProcessId = 4100,
            },
        };
    }
}
