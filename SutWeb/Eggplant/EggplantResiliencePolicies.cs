using Polly;
using Polly.CircuitBreaker;
using Polly.Extensions.Http;
using SutWeb.Eggplant.Sources;

namespace SutWeb.Eggplant;

/// <summary>
/// The Polly policies around every Eggplant status call, outermost first:
/// retry (transient failures, jittered exponential back-off) → circuit breaker (fail fast after repeated
/// failures). One instance per source, so its breaker sees every call to that server and no other's. Time is bounded outside them, by the one
/// deadline of the whole exchange (<see cref="EggplantClient"/>), which also cuts a retry's back-off short.
/// </summary>
public sealed partial class EggplantResiliencePolicies
{
    public EggplantResiliencePolicies(EggplantSource source, ILogger<EggplantResiliencePolicies> logger)
    {
        var settings = source.Options;
        var server = source.Name("the Eggplant server");
        // A try cut by the deadline is not retried: the deadline is the whole poll's, so no time is left for one.
        Retry = HttpPolicyExtensions.HandleTransientHttpError().WaitAndRetryAsync(
            settings.RetryCount,
            attempt => BackOff(settings.RetryBaseDelay, attempt));
        CircuitBreaker = TransientFailures().CircuitBreakerAsync(
            settings.CircuitBreakerFailures,
            settings.EffectiveCircuitBreakDuration,
            onBreak: (_, duration) => LogCircuitOpened(logger, server, settings.CircuitBreakerFailures, duration.TotalSeconds),
            onReset: () => LogCircuitClosed(logger, server));
    }

    public IAsyncPolicy<HttpResponseMessage> Retry { get; }

    /// <summary>
    /// Marks a call that must not be repeated once it may have reached the server (an abort): it gets no retry, only the
    /// circuit breaker and the token handler's one new try after a 401, which the server answered without acting.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> NotIdempotent = new("SutWeb.Eggplant.NotIdempotent");

    /// <summary>The retry policy for <paramref name="request"/>: <see cref="Retry"/>, or none for a <see cref="NotIdempotent"/> call.</summary>
    public IAsyncPolicy<HttpResponseMessage> RetryFor(HttpRequestMessage request) =>
        request.Options.TryGetValue(NotIdempotent, out var notIdempotent) && notIdempotent ? NoRetry : Retry;

    private static readonly IAsyncPolicy<HttpResponseMessage> NoRetry = Policy.NoOpAsync<HttpResponseMessage>();

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit to {Server} opened after {Failures} consecutive failed tries; next trial in {BreakSeconds} s")]
    private static partial void LogCircuitOpened(ILogger logger, string server, int failures, double breakSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Circuit to {Server} closed again")]
    private static partial void LogCircuitClosed(ILogger logger, string server);
}
