namespace SutWeb.Components.Agents;

/// <summary>
/// One item of the desk's virtualised list while it groups by source: a section's head or an agent's row. One list
/// of both keeps Virtualize rendering only what is in view, however many agents and sources there are.
/// </summary>
public sealed record DeskLine
{
    /// <summary>The agent's row; null for a section's head.</summary>
    public AgentRowModel? Row { get; private init; }

    /// <summary>The section's head; null for an agent's row.</summary>
    public SourceGroup? Group { get; private init; }

    /// <summary>The line's render key: an agent's key, or a pair that no agent's key (a string) can equal.</summary>
    public object Key => Row is { } row ? row.Key : ("source-group", Group!.Source);

    public static DeskLine For(AgentRowModel row) => new() { Row = row };

    public static DeskLine For(SourceGroup group) => new() { Group = group };
}
