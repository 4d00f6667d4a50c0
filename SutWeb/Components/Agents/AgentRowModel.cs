using SutWeb.Shared.Views;

namespace SutWeb.Components.Agents;

/// <summary>
/// What one row shows: the agent and this viewer's memory of it. Immutable, so a row re-renders exactly when its
/// model is a different value.
/// </summary>
public sealed record AgentRowModel
{
    public required AgentView Agent { get; init; }

    public string Key => Agent.Key;

    /// <summary>The viewer opened the row's details.</summary>
    public bool Expanded { get; init; }

    /// <summary>When the server stopped reporting this agent; null while it is connected.</summary>
    public DateTimeOffset? DisconnectedAt { get; init; }

    public bool IsDisconnected => DisconnectedAt is not null;

    /// <summary>How the agent's previous run ended, while its next run is under way; null otherwise.</summary>
    public AgentState? PreviousOutcome { get; init; }

    /// <summary>Grows with every change this viewer saw, so the row can restart its flash.</summary>
    public int FlashGeneration { get; init; }

    /// <summary>When this viewer last saw the row change.</summary>
    public DateTimeOffset ChangedAt { get; init; }
}
