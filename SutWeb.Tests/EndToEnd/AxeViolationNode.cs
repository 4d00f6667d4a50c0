namespace SutWeb.Tests.EndToEnd;

/// <summary>An element that breaks an axe-core rule: its selector and axe's summary of what is wrong with it.</summary>
public sealed record AxeViolationNode(IReadOnlyList<string> Target, string? FailureSummary)
{
    public override string ToString() =>
        string.Join(" ", Target) + (FailureSummary is { Length: > 0 } summary ? " → " + summary.ReplaceLineEndings(" ") : "");
}
