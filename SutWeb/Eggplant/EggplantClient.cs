using System.Net;
using System.Net.Http.Headers;
using Polly.CircuitBreaker;
using SutWeb.Eggplant.Sources;
using SutWeb.Shared.Views;
using SutWeb.Shared.Wire;

namespace SutWeb.Eggplant;

/// <summary>
/// The typed client of the Eggplant API. Tokens and resilience live in its handler pipeline; this class bounds the
/// whole exchange by one deadline and turns every failure into an <see cref="EggplantException"/> that says what went wrong.
/// </summary>
public sealed class EggplantClient(HttpClient http, EggplantEndpoints endpoints, EggplantSource source, TimeProvider timeProvider)
{
    /// <summary>
    /// The raw answer of <c>POST /api/sut/status</c> (every open agent connection), checked to be JSON of a sane size;
    /// reading it is the mapper's work (<see cref="SutWeb.Shared.Mapping.IncrementalAgentViewMapper"/>).
    /// </summary>
    public Task<byte[]> GetStatusPayloadAsync(CancellationToken cancellationToken) =>
        PostAsync(endpoints.StatusUri, [], notIdempotent: false, cancellationToken);

    /// <summary>
    /// <c>POST /api/run/abort</c> with form <c>id</c> = the engine process id (docs/API.md section 1). Not idempotent:
    /// sent once, never retried once it may have reached the server; a 404 (no such process) is an error like any other.
    /// </summary>
    public async Task AbortRunAsync(long processId, CancellationToken cancellationToken) =>
        await PostAsync(endpoints.AbortUri, [new("id", processId.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            notIdempotent: true, cancellationToken);

    /// <summary>How an answer that cannot be read is reported: an upstream error that says why.</summary>
    public static EggplantException Unreadable(StatusPayloadException e, EggplantSource source) =>
        new(UpstreamFailureKind.Malformed, $"{source.Name("The Eggplant server")} sent an unreadable status answer. {e.Message}", e);

    /// <summary>
    /// One deadline (<c>Eggplant:RequestTimeout</c>) covers the whole exchange: sign-in, retries, headers and every byte
    /// of the body. A server that sends headers and then stalls, or drips the body, cannot hold the poll past it.
    /// </summary>
    private async Task<byte[]> PostAsync(Uri uri, KeyValuePair<string, string>[] form, bool notIdempotent, CancellationToken cancellationToken)
    {
        var timeout = source.Options.RequestTimeout;
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await ExchangeAsync(uri, form, notIdempotent, linked.Token);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or EggplantException)
        {
            // The caller gave up (the host is stopping): no upstream failure to report.
            throw new OperationCanceledException("The Eggplant call was cancelled.", e, cancellationToken);
        }
        catch (Exception e) when (deadline.IsCancellationRequested && e is OperationCanceledException or EggplantException { Kind: UpstreamFailureKind.Network })
        {
            throw new EggplantException(UpstreamFailureKind.Timeout,
                $"{source.Name("The Eggplant server")} did not send its whole answer within {timeout.TotalSeconds:0.#} s ({source.Setting("RequestTimeout")}).", e);
        }
    }

    private async Task<byte[]> ExchangeAsync(Uri uri, KeyValuePair<string, string>[] form, bool notIdempotent, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new FormUrlEncodedContent(form) };
        request.Options.Set(EggplantResiliencePolicies.NotIdempotent, notIdempotent);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (BrokenCircuitException e)
        {
            throw new EggplantException(UpstreamFailureKind.CircuitOpen,
                $"{source.Name("The Eggplant server")} failed repeatedly; calls are paused briefly before the next trial.", e);
        }
        catch (HttpRequestException e)
        {
            throw new EggplantException(UpstreamFailureKind.Network,
                $"Cannot reach {source.Name("the Eggplant server")} at {uri.Host}:{uri.Port}: {e.Message}", e);
        }
        using (response)
        {
            if (EggplantResponses.IsRedirect(response))
            {
                throw EggplantResponses.Redirected(response, source.Name("The Eggplant server"), source.Setting("BaseUrl"));
            }
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new EggplantException(UpstreamFailureKind.Unauthorized,
                    $"{source.Name("The Eggplant server")} rejected a freshly issued token (401 Not Authorized): the account may lack access to this API.")
                {
                    Cause = UpstreamCause.TokenRefused,
                };
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new EggplantException(UpstreamFailureKind.HttpError,
                    $"{source.Name("The Eggplant server")} answered {(int)response.StatusCode} {response.ReasonPhrase}.",
                    new HttpRequestException(response.ReasonPhrase, null, response.StatusCode));
            }
            if (IsHtml(response.Content.Headers.ContentType))
            {
                throw new EggplantException(UpstreamFailureKind.Malformed,
                    $"{source.Name("The Eggplant server")} answered with an HTML page instead of JSON (a proxy or error page?).");
            }
            var cap = source.Options.MaxResponseBytes;
            return await EggplantResponses.ReadBoundedAsync(response.Content, cap, () => TooLarge(cap),
                $"The connection to {source.Name("the Eggplant server")} broke off during the answer.", cancellationToken);
        }
    }

    private static bool IsHtml(MediaTypeHeaderValue? contentType) =>
        contentType?.MediaType is { } type && type.Contains("html", StringComparison.OrdinalIgnoreCase);

    private EggplantException TooLarge(long cap) =>
        new(UpstreamFailureKind.TooLarge,
            $"{source.Name("The Eggplant status answer")} is larger than the configured cap of {cap / 1024 / 1024.0:0.#} MiB ({source.Setting("MaxResponseBytes")}).");
}
