namespace SutWeb.Tests.EndToEnd;

/// <summary>One rule axe-core found broken on a page, with the first few elements that break it.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, IReadOnlyList<AxeViolationNode> Nodes)
{
    /// <summary>What a failing test prints: rule, impact, help, and where, so the failure says what to fix.</summary>
    public override string ToString() =>
        $"{Id} ({Impact ?? "no impact"}): {Help} [{HelpUrl}]" + string.Concat(Nodes.Take(4).Select(n => $"\n    {n}"))
        + (Nodes.Count > 4 ? $"\n    … and {Nodes.Count - 4} more" : "");
}
