using SutWeb.History;

namespace SutWeb.Operators.Audit;

internal static class AuditPages
{
    /// <summary>A page of <paramref name="limit"/> from <paramref name="rows"/> (read one more than that, to know whether another follows).</summary>
    public static HistoryPage<AuditEntry> Page(List<AuditEntry> rows, int limit)
    {
        if (rows.Count <= limit)
        {
            return new HistoryPage<AuditEntry>(rows, null);
        }
        rows.RemoveAt(rows.Count - 1);
        var last = rows[^1];
        return new HistoryPage<AuditEntry>(rows, new HistoryCursor(last.At, last.Id));
    }
}
