namespace SutWeb.Components.History;

/// <summary>What the history pages log: a read that failed (the page says so without the provider's words).</summary>
internal static partial class HistoryPagesLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "History could not be read for {View}; the page says so and offers to try again")]
    public static partial void ReadFailed(ILogger logger, Exception exception, string view);
}
