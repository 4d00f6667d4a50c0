namespace SutWeb.Api;

/// <summary>The history API's log lines: why a query found no database (never the query string, which may hold names).</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "A history query failed; answering 503: {Reason}")]
    public static partial void QueryFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "A CSV export of runs stopped after {Rows} rows: the database failed ({Reason}); the download is cut off")]
    public static partial void ExportFailed(ILogger logger, int rows, string reason);
}
