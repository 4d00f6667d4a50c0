using System.Net;
using System.Net.Http.Headers;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Microsoft.Extensions.Options;
using SutWeb.Shared.Wire;

namespace SutWeb.Eggplant;

/// <summary>
/// The typed client of the Eggplant API. Tokens and resilience live in its handler pipeline; this class turns
/// every failure into an <see cref="EggplantException"/> that says what went wrong.
/// </summary>
public sealed class EggplantClient(HttpClient http, EggplantEndpoints endpoints, IOptions<EggplantOptions> options)
{
    /// <summary>
    /// The raw answer of <c>POST /api/sut/status</c> (every open agent connection), checked to be JSON of a sane size;
    /// reading it is the mapper's work (<see cref="SutWeb.Shared.Mapping.IncrementalAgentViewMapper"/>).
    /// </summary>
    public Task<byte[]> GetStatusPayloadAsync(CancellationToken cancellationToken) =>
        PostAsync(endpoints.StatusUri, cancellationToken);

    /// <summary>How an answer that cannot be read is reported: an upstream error that says why.</summary>
    public static EggplantException Unreadable(StatusPayloadException e) =>
        new(UpstreamFailureKind.Malformed, $"The Eggplant server sent an unreadable status answer. {e.Message}", e);

    private async Task<byte[]> PostAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new FormUrlEncodedContent([]) };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (BrokenCircuitException e)
        {
            throw new EggplantException(UpstreamFailureKind.CircuitOpen,
                "The Eggplant server failed repeatedly; calls are paused briefly before the next trial.", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new EggplantException(UpstreamFailureKind.Timeout,
                $"The Eggplant server did not answer within {options.Value.RequestTimeout.TotalSeconds:0.#} s.", e);
        }
        catch (HttpRequestException e)
        {
            throw new EggplantException(UpstreamFailureKind.Network,
                $"Cannot reach the Eggplant server at {uri.Host}:{uri.Port}: {e.Message}", e);
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new EggplantException(UpstreamFailureKind.Unauthorized,
                    "The Eggplant server rejected a freshly issued token (401 Not Authorized): the account may lack access to this API.");
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new EggplantException(UpstreamFailureKind.HttpError,
                    $"The Eggplant server answered {(int)response.StatusCode} {response.ReasonPhrase}.",
                    new HttpRequestException(response.ReasonPhrase, null, response.StatusCode));
            }
            if (IsHtml(response.Content.Headers.ContentType))
            {
                throw new EggplantException(UpstreamFailureKind.Malformed,
                    "The Eggplant server answered with an HTML page instead of JSON (a proxy or error page?).");
            }
            return await ReadCappedAsync(response.Content, options.Value.MaxResponseBytes, cancellationToken);
        }
    }

    private static bool IsHtml(MediaTypeHeaderValue? contentType) =>
        contentType?.MediaType is { } type && type.Contains("html", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the body, but never more than <paramref name="cap"/> bytes into memory.</summary>
    private static async Task<byte[]> ReadCappedAsync(HttpContent content, long cap, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > cap)
        {
            throw TooLarge(cap);
        }
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > cap)
                {
                    throw TooLarge(cap);
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new EggplantException(UpstreamFailureKind.Network, "The connection to the Eggplant server broke off during the answer.", e);
        }
        return buffer.ToArray();
    }

    private static EggplantException TooLarge(long cap) =>
        new(UpstreamFailureKind.TooLarge, $"The Eggplant status answer is larger than the configured cap of {cap / 1024 / 1024.0:0.#} MiB (Eggplant:MaxResponseBytes).");
}
