namespace SutWeb.History;

/// <summary>Whether the database takes history's writes.</summary>
public enum HistoryState
{
    /// <summary>The database is being opened and brought up to date.</summary>
    Starting,

    /// <summary>The last write (or the opening) succeeded.</summary>
    Healthy,

    /// <summary>The database cannot be opened or written: writes wait in memory, within <c>History:MaxPendingWrites</c>.</summary>
    Degraded,
}
