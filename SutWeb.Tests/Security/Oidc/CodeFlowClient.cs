using System.Net;
using System.Text.Json;

namespace SutWeb.Tests.Security.Oidc;

/// <summary>
/// Walks the authorization code flow as a browser without scripts would: follows redirects with one cookie jar,
/// fills the provider's login form and submits the form_post page that carries the code back.
/// </summary>
public sealed class CodeFlowClient : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });

    /// <summary>GET, then follows redirects; the last answer.</summary>
    public async Task<HttpResponseMessage> GetAsync(Uri address) => await FollowAsync(await _http.GetAsync(address));

    /// <summary>POST, then follows redirects; the last answer.</summary>
    public async Task<HttpResponseMessage> PostAsync(Uri address, HttpContent content) =>
        await FollowAsync(await _http.PostAsync(address, content));

    /// <summary>From the relying party's <c>/login</c> to its <c>/me</c> as <paramref name="userName"/>: the claims it ends up with.</summary>
    public async Task<IReadOnlyList<(string Type, string Value)>> SignInAsync(OidcRelyingParty relyingParty, string userName)
    {
        var loginPage = await GetAsync(new Uri(new Uri(relyingParty.BaseUrl), "login"));
        var formPost = await SubmitAsync(loginPage, form => form.With("username", userName));
        var me = await SubmitAsync(formPost, form => form.AsIs());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var pairs = JsonSerializer.Deserialize<string[][]>(await me.Content.ReadAsStringAsync())!;
        return [.. pairs.Select(pair => (pair[0], pair[1]))];
    }

    /// <summary>Submits the page's first form with the fields <paramref name="fill"/> gives.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(HttpResponseMessage page, Func<HtmlForm, HttpContent> fill)
    {
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = HtmlForm.Parse(await page.Content.ReadAsStringAsync(), page.RequestMessage!.RequestUri!);
        return await PostAsync(form.Action, fill(form));
    }

    private async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10 && (int)response.StatusCode is >= 300 and < 400; hops++)
        {
            var next = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            response.Dispose();
            response = await _http.GetAsync(next);
        }

        return response;
    }

    public void Dispose() => _http.Dispose();
}
