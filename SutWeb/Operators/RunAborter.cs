using SutWeb.Eggplant;
using SutWeb.Eggplant.Sources;
using SutWeb.Monitoring;
using SutWeb.Operators.Audit;
using SutWeb.Shared.Views;

namespace SutWeb.Operators;

/// <summary>
/// The one abort path (<see cref="IRunAborter"/>): rate limit per operator, the run checked on the board (the agent
/// still runs that very execution, else nothing goes upstream), one <c>POST /api/run/abort</c> through the source's own
/// client (its token, circuit breaker and deadline; no retry), an immediate poll of that source, and one audit entry
/// per attempt whatever its outcome.
/// </summary>
public sealed partial class RunAborter(
    AgentBoard board,
    IServiceScopeFactory scopes,
    IAuditTrail audit,
    OperatorRateLimiter limiter,
    TimeProvider timeProvider,
    ILogger<RunAborter> logger) : IRunAborter
{
    public const string Action = "abort";

    public async Task<AbortResult> AbortAsync(AbortAttempt attempt, CancellationToken cancellationToken)
    {
        var result = await TryAbortAsync(attempt, cancellationToken);
        LogAttempt(logger, attempt.Who, attempt.Via, attempt.Request.Source, attempt.Request.AgentName, attempt.Request.ExecutionId, result.Outcome, result.Error);
        try
        {
            // Not the caller's token: an attempt that reached the server is audited even if the caller has gone.
            await audit.AddAsync(Entry(attempt, result), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogAuditFailed(logger, attempt.Who, attempt.Request.Source, attempt.Request.AgentName, e.GetBaseException().Message);
        }
        return result;
    }

    private async Task<AbortResult> TryAbortAsync(AbortAttempt attempt, CancellationToken cancellationToken)
    {
        var request = attempt.Request;
        if (!limiter.TryAcquire(attempt.Who))
        {
            return new AbortResult(AbortOutcome.RateLimited,
                $"Too many abort attempts: at most {OperatorRateLimiter.PermitsPerWindow} per {OperatorRateLimiter.Window.TotalMinutes:0} minute per operator.");
        }
        var agent = Find(request);
        using var scope = scopes.CreateScope();
        var source = SourceOf(scope.ServiceProvider, request.Source);
        if (agent is null || source is null)
        {
            return new AbortResult(AbortOutcome.NoSuchAgent, $"No agent {request.AgentName} of source {request.Source} is on the board.");
        }
        if (agent.State != AgentState.Running || agent.Execution?.Id != request.ExecutionId)
        {
            return new AbortResult(AbortOutcome.NotThatRun,
                $"{agent.AgentName} no longer runs execution {request.ExecutionId}; nothing was sent to the Eggplant server.");
        }
        var processId = agent.ProcessId > 0 ? agent.ProcessId : agent.Execution.ProcessId ?? 0;
        if (processId <= 0)
        {
            return new AbortResult(AbortOutcome.UpstreamFailed,
                $"The Eggplant server reported no process id for {agent.AgentName}'s run, so it cannot be aborted; nothing was sent.");
        }
        try
        {
            var client = scope.ServiceProvider.GetSourceService<EggplantClient>(source);
            await client.AbortRunAsync(processId, cancellationToken);
            return new AbortResult(AbortOutcome.AbortRequested);
        }
        catch (EggplantException e)
        {
            // The message names the cause and never a secret (EggplantException); a timeout leaves the outcome open.
            var unknown = e.Kind is UpstreamFailureKind.Timeout or UpstreamFailureKind.Network or UpstreamFailureKind.Malformed
                ? " The run may or may not have been aborted: the board will show it."
                : "";
            return new AbortResult(AbortOutcome.UpstreamFailed, $"The Eggplant server did not confirm the abort: {e.Message}{unknown}");
        }
        finally
        {
            // Whatever came of it, the board should show the run's state soon, not at the next idle tick.
            scope.ServiceProvider.GetSourceService<PollerStatus>(source).PollNow();
        }
    }

    private AgentView? Find(AbortRequest request)
    {
        var candidates = board.Current.Agents
            .Where(a => a.Source == request.Source && a.AgentName == request.AgentName && (request.Port is null || a.Port == request.Port))
            .ToList();
        // Without a port, the one that runs the execution named, if any.
        return candidates.FirstOrDefault(a => a.Execution?.Id == request.ExecutionId) ?? candidates.FirstOrDefault();
    }

    private static EggplantSource? SourceOf(IServiceProvider services, string id) =>
        id == EggplantSource.DefaultId ? services.GetService<EggplantSource>() : services.GetKeyedService<EggplantSource>(id);

    private AuditEntry Entry(AbortAttempt attempt, AbortResult result) => new()
    {
        At = timeProvider.GetUtcNow(),
        Who = attempt.Who,
        From = attempt.From,
        Via = attempt.Via,
        Action = Action,
        Source = attempt.Request.Source,
        AgentName = attempt.Request.AgentName,
        Port = attempt.Request.Port,
        ExecutionId = attempt.Request.ExecutionId,
        Result = result.Outcome.ToString(),
        Error = result.Error,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Abort by {Who} via {Via} of {Source}/{AgentName} execution {ExecutionId}: {Outcome} {Error}")]
    private static partial void LogAttempt(ILogger logger, string who, string via, string source, string agentName, string executionId, AbortOutcome outcome, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit entry of {Who}'s abort of {Source}/{AgentName} could not be stored: {Reason}")]
    private static partial void LogAuditFailed(ILogger logger, string who, string source, string agentName, string reason);
}
