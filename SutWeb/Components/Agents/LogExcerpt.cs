namespace SutWeb.Components.Agents;

/// <summary>The part of a log to show: its last lines while collapsed (the ones that say what happened), or all of it.</summary>
/// <param name="LineCount">Lines in the whole log.</param>
/// <param name="HiddenLines">Earlier lines left out.</param>
/// <param name="Shown">The text to show.</param>
public sealed record LogExcerpt(int LineCount, int HiddenLines, string Shown)
{
    /// <param name="collapsedLines">The most lines a collapsed log shows.</param>
    public static LogExcerpt Of(string? log, bool showAll, int collapsedLines)
    {
        log ??= "";
        var lines = log.Split('\n');
        var hidden = showAll ? 0 : Math.Max(0, lines.Length - collapsedLines);
        return new LogExcerpt(lines.Length, hidden, hidden == 0 ? log : string.Join('\n', lines[hidden..]));
    }
}
