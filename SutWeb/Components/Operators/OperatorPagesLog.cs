namespace SutWeb.Components.Operators;

internal static partial class OperatorPagesLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Aborting the run on {AgentName} from a page failed")]
    public static partial void AbortFailed(ILogger logger, Exception exception, string agentName);
}
