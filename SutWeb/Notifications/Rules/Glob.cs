namespace SutWeb.Notifications.Rules;

/// <summary>
/// A name pattern of a rule: <c>*</c> is any run of characters (none included), <c>?</c> is one character, anything
/// else is itself, case ignored, and the pattern covers the whole name. Not FileSystemGlobbing: that one matches
/// paths, so a <c>/</c> or <c>\</c> in an agent or model name would split it into segments and <c>*</c> would stop there.
/// </summary>
public sealed class Glob
{
    private readonly string _pattern;

    private Glob(string pattern) => _pattern = pattern;

    public override string ToString() => _pattern;

    /// <summary>Why <paramref name="pattern"/> is not a pattern, or null when it is one.</summary>
    public static string? Problem(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "an empty pattern matches nothing (leave the list out to match every name)";
        }
        // Brackets and braces mean sets and alternatives in other globs: refused rather than silently taken literally.
        if (pattern.IndexOfAny(['[', ']', '{', '}']) >= 0)
        {
            return "only * (any characters) and ? (one character) are wildcards; [ ] { } are not supported";
        }
        return null;
    }

    /// <summary>The pattern; <see cref="Problem"/> must have found nothing wrong with it.</summary>
    public static Glob Parse(string pattern) =>
        Problem(pattern) is { } problem ? throw new ArgumentException($"'{pattern}': {problem}", nameof(pattern)) : new Glob(pattern.Trim());

    /// <summary>Whether the whole of <paramref name="name"/> matches, in time linear in their lengths' product at worst.</summary>
    public bool IsMatch(string name)
    {
        // The classic two-pointer match: on a mismatch, let the last * take one more character and try again.
        int p = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (p < _pattern.Length && _pattern[p] != '*' && (_pattern[p] == '?' || Same(_pattern[p], name[n])))
            {
                p++;
                n++;
            }
            else if (p < _pattern.Length && _pattern[p] == '*')
            {
                star = p++;
                resume = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < _pattern.Length && _pattern[p] == '*')
        {
            p++;
        }
        return p == _pattern.Length;
    }

    private static bool Same(char a, char b) => a == b || char.ToUpperInvariant(a) == char.ToUpperInvariant(b);
}
