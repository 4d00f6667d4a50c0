using System.Text;

namespace SutWeb.Bench.Reporting;

/// <summary>A GitHub-flavoured markdown table; columns after the first are right-aligned (they hold figures) unless it holds text.</summary>
public sealed class MarkdownTable(params string[] headers)
{
    private bool _text;

    /// <summary>A table of words rather than figures: every column left-aligned.</summary>
    public static MarkdownTable Text(params string[] headers) => new(headers) { _text = true };

    private readonly List<string[]> _rows = [];

    public MarkdownTable Row(params object?[] cells)
    {
        _rows.Add([.. cells.Select(Cell)]);
        return this;
    }

    /// <summary>A value as one cell: a pipe would end the cell and a line break the table.</summary>
    private static string Cell(object? value) =>
        (Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "")
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", headers).AppendLine(" |");
        text.Append("|---").Append(string.Concat(Enumerable.Repeat(_text ? "|---" : "|---:", headers.Length - 1))).AppendLine("|");
        foreach (var row in _rows)
        {
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }
        return text.ToString();
    }
}
