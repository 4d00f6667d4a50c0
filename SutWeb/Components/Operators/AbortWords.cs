using MudBlazor;
using SutWeb.Operators;

namespace SutWeb.Components.Operators;

/// <summary>What an abort attempt's outcome means to the person who asked, and how loudly to say it.</summary>
public static class AbortWords
{
    public static (string Message, Severity Severity) For(AbortResult result, string agentName) => result.Outcome switch
    {
        AbortOutcome.AbortRequested => ($"Abort requested: the Eggplant server is ending the run on {agentName}.", Severity.Success),
        AbortOutcome.NoSuchAgent => ($"{agentName} is no longer on the board: nothing was aborted.", Severity.Warning),
        AbortOutcome.NotThatRun => ($"{agentName} no longer runs that execution: nothing was sent to the Eggplant server.", Severity.Warning),
        AbortOutcome.RateLimited => ("Too many abort attempts from you: wait a little and try again.", Severity.Warning),
        AbortOutcome.UpstreamFailed => (
            $"The Eggplant server did not abort the run on {agentName}: {(string.IsNullOrWhiteSpace(result.Error) ? "no reason given" : result.Error)}",
            Severity.Error),
        _ => ($"The abort of the run on {agentName} ended in an unexpected way.", Severity.Error),
    };
}
