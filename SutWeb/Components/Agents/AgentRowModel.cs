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

    /// <summary>How long a changed row keeps its flash; a row rendered again later (scrolled back into view) does not flash again.</summary>
    public static readonly TimeSpan FlashFor = TimeSpan.FromSeconds(2);

    public string DisplayName => Agent.AgentName.Length == 0 ? "(unnamed)" : Agent.AgentName;

    /// <summary>The details' element id: the key, escaped so that it holds no white space (an id reference list splits on it).</summary>
    public string DetailsId => "agent-details-" + Uri.EscapeDataString(Key);

    /// <summary>
    /// The row's CSS classes at <paramref name="now"/>: flashing for a while after a change, greyed once disconnected or
    /// while its source's data is <paramref name="stale"/>, tinted while open.
    /// </summary>
    public string CssClass(DateTimeOffset now, bool stale = false)
    {
        var flashing = FlashGeneration > 0 && now - ChangedAt < FlashFor;
        // Two identical animations under two names: switching name restarts the flash on every change.
        var flash = !flashing ? "" : FlashGeneration % 2 == 0 ? " agent-row--flash-even" : " agent-row--flash-odd";
        var disconnected = IsDisconnected ? " agent-row--disconnected" : "";
        var expanded = Expanded ? " agent-row--expanded" : "";
        return "agent-row" + flash + disconnected + (stale ? " agent-row--stale" : "") + expanded;
    }
}
