using SutWeb.Shared.Mapping;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Components;

/// <summary>Agents as the board holds them, with only what a test cares about spelled out.</summary>
public static class TestAgents
{
    public static AgentView Agent(
        string name,
        AgentState state = AgentState.Idle,
        int? port = 5400,
        string? status = null,
        string? model = "LoginFlow",
        string? user = "priya.shah@example.com",
        DateTimeOffset? start = null,
        DateTimeOffset? end = null,
        string? log = null,
        bool logTruncated = false,
        int processId = 4242,
        string initiator = "ui",
        string type = "model") => new()
    {
        Key = AgentKeys.For(name, port),
        AgentName = name,
        Port = port,
        ProcessId = processId,
        State = state,
        ProcessStatus = "running",
        LastLog = log,
        LastLogTruncated = logTruncated,
        Execution = state == AgentState.Idle
            ? null
            : new ExecutionView
            {
                Id = $"exec-{name}",
                ModelName = model,
                UserName = user,
                StartTime = start ?? DashboardTestContext.Start.AddMinutes(-5),
                EndTime = state == AgentState.Running ? null : end ?? DashboardTestContext.Start.AddMinutes(-1),
                Type = type,
                AgentName = name,
                Initiator = initiator,
                RunId = $"run-{name}",
                Status = status ?? state.ToString().ToLowerInvariant(),
                ProcessId = processId,
            },
    };
}
