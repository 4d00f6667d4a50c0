using System.Net;
using System.Net.Http.Headers;

namespace SutWeb.Eggplant;

/// <summary>
/// Adds the bearer token to each Eggplant call. A 401 means the token is no longer valid (expired or revoked):
/// drop it, get a new one and retry that call once.
/// </summary>
public sealed class BearerTokenHandler(EggplantTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }
        response.Dispose();
        tokens.Invalidate(token);
        var renewed = await tokens.GetTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", renewed);
        return await base.SendAsync(request, cancellationToken);
    }
}
