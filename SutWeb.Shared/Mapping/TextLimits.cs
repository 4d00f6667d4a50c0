namespace SutWeb.Shared.Mapping;

/// <summary>Cuts text to a number of UTF-16 units without ever keeping half of a surrogate pair.</summary>
public static class TextLimits
{
    public const string Ellipsis = "…";

    /// <summary>
    /// The text itself when it fits in <paramref name="maxChars"/>; else its start and an ellipsis, together at most
    /// <paramref name="maxChars"/> long.
    /// </summary>
    public static string? KeepStart(string? text, int maxChars)
    {
        if (text is null || text.Length <= maxChars)
        {
            return text;
        }
        if (maxChars < Ellipsis.Length)
        {
            return "";
        }
        var keep = maxChars - Ellipsis.Length;
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }
        return string.Concat(text.AsSpan(0, keep), Ellipsis);
    }

    /// <summary>The last <paramref name="maxChars"/> units of the text (fewer if the cut would split a pair), and whether it was cut.</summary>
    public static (string? Text, bool Truncated) KeepEnd(string? text, int maxChars)
    {
        if (text is null || text.Length <= maxChars)
        {
            return (text, false);
        }
        var start = text.Length - Math.Max(maxChars, 0);
        if (start < text.Length && char.IsLowSurrogate(text[start]))
        {
            start++;
        }
        return (text[start..], true);
    }
}
