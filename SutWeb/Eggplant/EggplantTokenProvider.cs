using System.Net;
using System.Text.Json;
using SutWeb.Eggplant.Sources;
using SutWeb.Shared.Views;
using SutWeb.Shared.Wire;

namespace SutWeb.Eggplant;

/// <summary>
/// Gets bearer tokens from <c>POST {base}/auth</c> or an OAuth 2.0 client-credentials URL, and keeps one until
/// shortly before it expires. Concurrent callers share one token request. A refused sign-in is not tried again until
/// <see cref="SignInBackoff"/> says so.
/// </summary>
public sealed partial class EggplantTokenProvider(
    IHttpClientFactory httpClientFactory,
    EggplantEndpoints endpoints,
    SignInBackoff backoff,
    EggplantSource source,
    TimeProvider timeProvider,
    ILogger<EggplantTokenProvider> logger,
    string httpClientName = EggplantTokenProvider.HttpClientName) : IDisposable
{
    public const string HttpClientName = "EggplantAuth";

    /// <summary>A token answer is a few hundred bytes; anything far larger is not one, and is not read into memory.</summary>
    public const int MaxAnswerBytes = 64 * 1024;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _token;

    /// <summary>A token valid for a while yet: the cached one, or a new one.</summary>
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Valid(_token) is { } cached)
        {
            return cached;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have fetched it while this one waited.
            if (Valid(_token) is { } fetched)
            {
                return fetched;
            }
            backoff.ThrowIfWaiting();
            try
            {
                _token = await RequestTokenAsync(cancellationToken);
            }
            catch (EggplantException e) when (e.Kind == UpstreamFailureKind.Unauthorized)
            {
                throw backoff.Refused(e);
            }
            backoff.SignedIn();
            return _token.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="rejected"/> after the server answered 401 to it; a newer token is kept.</summary>
    public void Invalidate(string rejected)
    {
        var current = _token;
        if (current is not null && current.Value == rejected)
        {
            Interlocked.CompareExchange(ref _token, null, current);
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Valid(CachedToken? token) =>
        token is not null && timeProvider.GetUtcNow() < token.RenewAt ? token.Value : null;

    private async Task<CachedToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var settings = source.Options;
        var (uri, form) = settings.UsesClientCredentials
            ? (endpoints.TokenUri!, new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.ClientId ?? "",
                ["client_secret"] = settings.ClientSecret ?? "",
            })
            : (endpoints.AuthUri, new Dictionary<string, string>
            {
                ["username"] = settings.Username ?? "",
                ["password"] = settings.Password ?? "",
            });
        // The sign-in has its own deadline too (body included), for a caller that brings none; a poll's is usually first.
        var timeout = settings.RequestTimeout;
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await SignInAsync(uri, form, settings.UsesClientCredentials, linked.Token);
        }
        catch (Exception e) when (linked.IsCancellationRequested && e is OperationCanceledException or EggplantException { Kind: UpstreamFailureKind.Network })
        {
            // Named as the sign-in's failure; a caller that was itself cancelled (shutting down) treats it as cancellation.
            throw new EggplantException(UpstreamFailureKind.Timeout,
                $"{source.Name("The Eggplant sign-in")} did not send its whole answer within {timeout.TotalSeconds:0.#} s ({source.Setting("RequestTimeout")}).", e);
        }
    }

    private async Task<CachedToken> SignInAsync(Uri uri, Dictionary<string, string> form, bool clientCredentials, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(httpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new FormUrlEncodedContent(form) };
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new EggplantException(UpstreamFailureKind.Network, $"Cannot reach {source.Name("the Eggplant sign-in")} at {uri.Host}:{uri.Port}: {e.Message}", e);
        }
        using (response)
        {
            if (EggplantResponses.IsRedirect(response))
            {
                throw EggplantResponses.Redirected(response, source.Name("The Eggplant sign-in"), source.Setting(clientCredentials ? "TokenUrl" : "BaseUrl"));
            }
            if (IsWrongAddress(response))
            {
                throw WrongAddress(uri, response, clientCredentials);
            }
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new EggplantException(UpstreamFailureKind.Unauthorized, RejectionMessage(response.StatusCode, clientCredentials))
                {
                    Cause = response.StatusCode == HttpStatusCode.Forbidden ? UpstreamCause.Licence : UpstreamCause.Credentials,
                };
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new EggplantException(UpstreamFailureKind.HttpError, $"{source.Name("The Eggplant sign-in")} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
            var body = await EggplantResponses.ReadBoundedAsync(response.Content, MaxAnswerBytes,
                () => new EggplantException(UpstreamFailureKind.TooLarge,
                    $"{source.Name("The Eggplant sign-in")} answered with more than {MaxAnswerBytes / 1024} KiB, which is no token answer."),
                $"The connection to {source.Name("the Eggplant sign-in")} broke off during the answer.", cancellationToken);
            TokenResponse? answer;
            try
            {
                answer = JsonSerializer.Deserialize(body, EggplantJsonContext.Default.TokenResponse);
            }
            catch (JsonException e)
            {
                throw new EggplantException(UpstreamFailureKind.Malformed, $"{source.Name("The Eggplant sign-in")} answered something other than a token.", e);
            }
            if (string.IsNullOrEmpty(answer?.AccessToken))
            {
                throw new EggplantException(UpstreamFailureKind.Malformed, $"{source.Name("The Eggplant sign-in")} answered without an access_token.");
            }
            var lifetime = TimeSpan.FromSeconds(answer.ExpiresIn is > 0 ? answer.ExpiresIn.Value : 3600);
            // Renew a little early so a token never expires between the check and the call.
            var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(60).Ticks, lifetime.Ticks / 10));
            LogTokenIssued(logger, source.Name("the Eggplant server"), (int)lifetime.TotalSeconds);
            return new CachedToken(answer.AccessToken, timeProvider.GetUtcNow() + lifetime - margin);
        }
    }

    /// <summary>
    /// 404 and 405, or a 400 that is an HTML page, come from something that is no sign-in endpoint: the base URL points
    /// at the wrong path (or at a web server in front). That is not the password's fault, so it is not a refusal.
    /// </summary>
    private static bool IsWrongAddress(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed
        || response.StatusCode == HttpStatusCode.BadRequest
            && response.Content.Headers.ContentType?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true;

    private EggplantException WrongAddress(Uri uri, HttpResponseMessage response, bool clientCredentials)
    {
        // Scheme, host, port and path: a query or user info may carry something private.
        var where = $"{uri.Scheme}://{uri.Host}:{uri.Port}{uri.AbsolutePath}";
        var fix = clientCredentials
            ? $"check {source.Setting("TokenUrl")} (it should be the OAuth token endpoint itself)"
            : $"check {source.Setting("BaseUrl")} (it should be the server's root, e.g. https://dai.example.com/)";
        return new EggplantException(UpstreamFailureKind.HttpError,
            $"{source.Name("The Eggplant sign-in URL")} {where} answered {(int)response.StatusCode} {response.ReasonPhrase}: {fix}.")
        {
            Cause = UpstreamCause.WrongAddress,
        };
    }

    private string RejectionMessage(HttpStatusCode status, bool clientCredentials)
    {
        var server = source.Name("The Eggplant server");
        var check = clientCredentials
            ? $"check {source.Setting("ClientId")} and {source.Setting("ClientSecret")}"
            : $"check {source.Setting("Username")} and {source.Setting("Password")}";
        return status switch
        {
            HttpStatusCode.Forbidden => $"{server} has no free concurrent user licence (403 Forbidden): free a licence or try later.",
            HttpStatusCode.BadRequest => clientCredentials
                ? $"{source.Name("The Eggplant token URL")} rejected the request (400 Bad Request): {check}."
                : $"{server} rejected the sign-in as incomplete (400 Bad Request): {check}.",
            _ => clientCredentials
                ? $"{server} rejected the client credentials (401 Not Authorized): {check}."
                : $"{server} rejected the credentials (401 Not Authorized): {check}.",
        };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Signed in to {Server}; token valid for {LifetimeSeconds} s")]
    private static partial void LogTokenIssued(ILogger logger, string server, int lifetimeSeconds);

    private sealed record CachedToken(string Value, DateTimeOffset RenewAt);
}
