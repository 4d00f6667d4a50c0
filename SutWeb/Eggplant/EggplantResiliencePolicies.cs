using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Extensions.Http;

namespace SutWeb.Eggplant;

/// <summary>
/// The Polly policies around every Eggplant status call, outermost first:
/// retry (transient failures, jittered exponential back-off) → circuit breaker (fail fast after repeated
/// failures). One instance per process, so the breaker sees every call. Time is bounded outside them, by the one
/// deadline of the whole exchange (<see cref="EggplantClient"/>), which also cuts a retry's back-off short.
/// </summary>
public sealed partial class EggplantResiliencePolicies
{
    public EggplantResiliencePolicies(IOptions<EggplantOptions> options, ILogger<EggplantResiliencePolicies> logger)
    {
        var settings = options.Value;
        // A try cut by the deadline is not retried: the deadline is the whole poll's, so no time is left for one.
        Retry = HttpPolicyExtensions.HandleTransientHttpError().WaitAndRetryAsync(
            settings.RetryCount,
            attempt => BackOff(settings.RetryBaseDelay, attempt));
        CircuitBreaker = TransientFailures().CircuitBreakerAsync(
            settings.CircuitBreakerFailures,
            settings.EffectiveCircuitBreakDuration,
            onBreak: (_, duration) => LogCircuitOpened(logger, settings.CircuitBreakerFailures, duration.TotalSeconds),
            onReset: () => LogCircuitClosed(logger));
    }

    public IAsyncPolicy<HttpResponseMessage> Retry { get; }

    public AsyncCircuitBreakerPolicy<HttpResponseMessage> CircuitBreaker { get; }

    /// <summary>Network errors, 408, 5xx and tries cut by the deadline count towards opening the circuit.</summary>
    private static PolicyBuilder<HttpResponseMessage> TransientFailures() =>
        HttpPolicyExtensions.HandleTransientHttpError().Or<OperationCanceledException>();

    /// <summary>base·2^(attempt-1), plus up to half of that at random so many SutWeb instances do not retry in step.</summary>
    internal static TimeSpan BackOff(TimeSpan baseDelay, int attempt)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(exponential + Random.Shared.NextDouble() * exponential / 2);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit to the Eggplant server opened after {Failures} consecutive failed tries; next trial in {BreakSeconds} s")]
    private static partial void LogCircuitOpened(ILogger logger, int failures, double breakSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Circuit to the Eggplant server closed again")]
    private static partial void LogCircuitClosed(ILogger logger);
}
