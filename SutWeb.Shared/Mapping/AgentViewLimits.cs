namespace SutWeb.Shared.Mapping;

/// <summary>Bounds on what one poll may put on the board, so a runaway upstream cannot grow memory without limit.</summary>
public sealed record AgentViewLimits
{
    /// <summary>Characters of <c>last_log</c> kept per agent; the rest is cut and the view marked truncated.</summary>
    public int MaxLogChars { get; init; } = 64 * 1024;

    /// <summary>Characters kept of every other text field of an agent (name, model, user, status…); longer ones end in "…".</summary>
    public int MaxFieldChars { get; init; } = 256;

    /// <summary>More agent connections than this in one answer is an upstream error.</summary>
    public int MaxAgents { get; init; } = 20_000;

    public static AgentViewLimits Default { get; } = new();
}
