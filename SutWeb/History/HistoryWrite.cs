namespace SutWeb.History;

/// <summary>One thing the recorder asks the database to keep, stamped with the board's time of the change it comes from.</summary>
public abstract record HistoryWrite(string Source, DateTimeOffset At);
