namespace SutWeb.Operators;

/// <summary>
/// Aborts a run for an operator, the one path for the pages and the API: checks the run is still the one named, calls
/// the Eggplant server through the source's client (no blind retry: the call is not idempotent), asks the source's
/// poller for an immediate poll, and audits every attempt, allowed or refused. The caller has checked the operator.
/// </summary>
public interface IRunAborter
{
    Task<AbortResult> AbortAsync(AbortAttempt attempt, CancellationToken cancellationToken);
}
