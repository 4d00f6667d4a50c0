namespace SutWeb.History;

/// <summary>Where history is kept (<c>History:Provider</c>).</summary>
public enum HistoryProvider
{
    /// <summary>A file under <c>History:DataDirectory</c>: nothing to set up.</summary>
    Sqlite,

    /// <summary>The server that <c>ConnectionStrings:History</c> names, which several replicas can share.</summary>
    Postgres,

    /// <summary>No history: nothing is recorded.</summary>
    None,
}
