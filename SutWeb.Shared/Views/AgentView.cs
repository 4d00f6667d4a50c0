using SutWeb.Shared.Mapping;

namespace SutWeb.Shared.Views;

/// <summary>One agent connection as the dashboard and hub clients see it. Immutable: a change is a new object.</summary>
public sealed record AgentView
{
    /// <summary>
    /// <see cref="AgentName"/>, then <c>:</c> and the port when a port is known; for a source other than <c>default</c>,
    /// prefixed with <c>{source}/</c> so that keys are unique across sources.
    /// </summary>
    public required string Key { get; init; }
    public required string AgentName { get; init; }
    public int? Port { get; init; }
    public int ProcessId { get; init; }
    public AgentState State { get; init; }
    public string? ProcessStatus { get; init; }
    public string? LastLog { get; init; }

    /// <summary>Added to the contract: true when <see cref="LastLog"/> was cut to the configured cap.</summary>
    public bool LastLogTruncated { get; init; }

    public ExecutionView? Execution { get; init; }

    /// <summary>Added with sources: the id of the Eggplant server that reported this agent.</summary>
    public string Source { get; init; } = AgentKeys.DefaultSource;

    /// <summary>Added with sources: what screens call that server.</summary>
    public string SourceName { get; init; } = "";
}
