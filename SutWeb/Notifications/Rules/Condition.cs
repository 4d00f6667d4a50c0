using SutWeb.Shared.History;
using SutWeb.Shared.Views;

namespace SutWeb.Notifications.Rules;

/// <summary>
/// Something that holds for a while, for one rule: an agent gone (<c>AgentDisconnected</c>), a source down
/// (<c>SourceDown</c>), a run running too long (<c>RunStuck</c>). It fires once it has held the rule's <c>For</c>, may
/// repeat, and when it ends it may be resolved.
/// </summary>
public sealed class Condition
{
    public required string Event { get; init; }

    public required string Source { get; init; }

    /// <summary>When it began to hold, as messages tell it (a stuck run: when the run started).</summary>
    public required DateTimeOffset Since { get; init; }

    public required DateTimeOffset FireAt { get; init; }

    /// <summary>The agent it is about, as last seen; null for a source.</summary>
    public AgentView? Agent { get; set; }

    public RunRecord? Run { get; set; }

    /// <summary>A stuck run's execution id: another run on the agent is another condition.</summary>
    public string? ExecutionId { get; init; }

    /// <summary>It has held long enough.</summary>
    public bool Fired { get; set; }

    /// <summary>Its firing message was sent (not while the agent flaps).</summary>
    public bool Sent { get; set; }

    public DateTimeOffset? RepeatAt { get; set; }

    /// <summary>Events folded into it: a source's agents that left while it was down.</summary>
    public int Folded { get; set; }
}
