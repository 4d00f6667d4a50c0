namespace SutWeb.Components.Agents;

/// <summary>The columns the agents grid sorts by; <see cref="Default"/> is failures first, then running, then by name.</summary>
public enum AgentSortColumn
{
    Default,
    Name,
    Port,
    State,
    Model,
    User,
    Initiator,
    Type,
    Start,
    Elapsed,
    ProcessId,
}
