namespace SutWeb.Eggplant;

/// <summary>Why a call to the Eggplant server failed; the poller turns it into a health state.</summary>
public enum UpstreamFailureKind
{
    /// <summary>No connection: refused, reset, or the host name does not resolve.</summary>
    Network,
    /// <summary>No whole answer (sign-in, headers and body) within the deadline, <c>Eggplant:RequestTimeout</c>.</summary>
    Timeout,
    /// <summary>An HTTP error status other than an authorisation failure.</summary>
    HttpError,
    /// <summary>An answer that is not the expected JSON: an HTML page, truncated or in the wrong shape.</summary>
    Malformed,
    /// <summary>An answer larger than the configured cap.</summary>
    TooLarge,
    /// <summary>The circuit breaker is open after repeated failures: calls fail fast for a while.</summary>
    CircuitOpen,
    /// <summary>Credentials or tokens rejected, or no free concurrent licence.</summary>
    Unauthorized,
}
