using SutWeb.History;

namespace SutWeb.Components.History;

/// <summary>
/// The cursor that starts each page a table has shown, so that it can page newer and older through a newest-first
/// list read by cursor (which costs the same however deep it is, unlike an offset). Pages are reached one after
/// another from the first, so each page's cursor is the previous page's <c>next</c>.
/// </summary>
public sealed class CursorPages
{
    private readonly List<HistoryCursor?> _starts = [null];

    /// <summary>The furthest page whose start is known (the first always is).</summary>
    public int Known => _starts.Count - 1;

    /// <summary>The cursor page <paramref name="page"/> starts from; a page not reached yet starts from the furthest known.</summary>
    public (int Page, HistoryCursor? Cursor) Start(int page)
    {
        var known = Math.Clamp(page, 0, Known);
        return (known, _starts[known]);
    }

    /// <summary>Page <paramref name="page"/> ended at <paramref name="next"/> (null: it is the last).</summary>
    public void Loaded(int page, HistoryCursor? next)
    {
        if (page + 1 < _starts.Count)
        {
            _starts.RemoveRange(page + 1, _starts.Count - page - 1);
        }
        if (next is { } cursor && page + 1 == _starts.Count)
        {
            _starts.Add(cursor);
        }
    }

    /// <summary>Whether a page follows <paramref name="page"/> (known once it has been loaded).</summary>
    public bool HasOlder(int page) => page < Known;
}
