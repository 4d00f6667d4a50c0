using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Tests.History;
using SutWeb.Security;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.ScaleOut;

/// <summary>
/// Replicas share their Data Protection keys through Redis: what one issues (the access cookie, an antiforgery token)
/// another accepts; a replica of another deployment (another key prefix) does not.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedDataProtectionTests(RedisFixture redis)
{
    private const string Key = "scale-out-wall-key-0815";

    [SkippableFact]
    public async Task AccessCookie_IssuedByOneReplica_OpensThePageOnAnotherAndNotElsewhere()
    {
        redis.Require();
        var prefix = redis.NewPrefix("cookie");
        await using var a = await StartAsync(prefix);
        await using var b = await StartAsync(prefix);
        await using var other = await StartAsync(redis.NewPrefix("cookie-other"));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

        using var issued = await client.GetAsync(new Uri(a.BaseAddress, $"?key={Key}"));
        var cookie = Assert.Single(issued.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AccessKeyDefaults.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        using var onB = await GetWithCookieAsync(client, b, cookie);
        using var onOther = await GetWithCookieAsync(client, other, cookie);

        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, onOther.StatusCode);
    }

    [SkippableFact]
    public async Task AntiforgeryToken_IssuedByOneReplica_IsValidOnAnother()
    {
        redis.Require();
        var prefix = redis.NewPrefix("antiforgery");
        await using var a = await StartAsync(prefix);
        await using var b = await StartAsync(prefix);
        await using var other = await StartAsync(redis.NewPrefix("antiforgery-other"));

        var issuing = new DefaultHttpContext { RequestServices = a.Services };
        var tokens = a.Services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(issuing);

        var cookie = issuing.Response.Headers.SetCookie.ToString().Split(';')[0];

        Assert.True(await IsValidAsync(b, cookie, tokens));
        Assert.False(await IsValidAsync(other, cookie, tokens));
    }

    private Task<SutWebHost> StartAsync(string prefix) =>
        ScaleOutHosts.StartReplicaAsync(redis, prefix, upstream: null, new Dictionary<string, string?> { ["Security:AccessKey"] = Key });

    private static async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, SutWebHost host, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, host.BaseAddress);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static Task<bool> IsValidAsync(SutWebHost host, string cookie, AntiforgeryTokenSet tokens)
    {
        var posting = new DefaultHttpContext { RequestServices = host.Services };
        posting.Request.Method = HttpMethods.Post;
        posting.Request.Headers.Cookie = cookie;
        posting.Request.Headers[tokens.HeaderName!] = tokens.RequestToken;
        return host.Services.GetRequiredService<IAntiforgery>().IsRequestValidAsync(posting);
    }
}
