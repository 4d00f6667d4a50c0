using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace SutWeb.Security;

/// <summary>
/// Optional access protection. With <see cref="SecurityOptions.AccessKey"/> set, a request passes with the key in
/// the <c>X-SutWeb-Key</c> header, or with the cookie it earns by presenting the key once as <c>?key=</c> (a wall
/// screen's bookmark); the key is then removed from the URL by a redirect. Comparisons take constant time.
/// Open: static assets, liveness, and the simulator's Eggplant API (it has its own sign-in).
/// </summary>
public sealed class AccessKeyMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public const string CookieName = "sutweb_access";
    public const string HeaderName = "X-SutWeb-Key";
    public const string QueryName = "key";

    private readonly byte[]? _keyHash = options.Value.RequiresKey ? Hash(options.Value.AccessKey!) : null;

    public async Task InvokeAsync(HttpContext context)
    {
        if (_keyHash is null || IsOpen(context))
        {
            await next(context);
            return;
        }
        if (context.Request.Query.TryGetValue(QueryName, out var fromQuery) && Matches(fromQuery.ToString()))
        {
            context.Response.Cookies.Append(CookieName, Convert.ToHexString(_keyHash), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
            context.Response.Redirect(WithoutKey(context.Request));
            return;
        }
        if (Matches(context.Request.Headers[HeaderName].ToString()) || CookieMatches(context.Request.Cookies[CookieName]))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("SutWeb needs its access key: open this address once with ?key=<the access key>, or send the X-SutWeb-Key header.");
    }

    private static bool IsOpen(HttpContext context)
    {
        var path = context.Request.Path;
        // Endpoints with static-asset metadata are files of the app (css, js, fonts): nothing secret in them.
        if (context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null)
        {
            return true;
        }
        return path.StartsWithSegments("/healthz")
            || path.StartsWithSegments("/_framework")
            || path.StartsWithSegments("/_content")
            || (path.StartsWithSegments("/simulator") && !path.StartsWithSegments("/simulator/control"));
    }

    private bool Matches(string candidate) =>
        candidate.Length > 0 && CryptographicOperations.FixedTimeEquals(Hash(candidate), _keyHash);

    private bool CookieMatches(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie) || cookie.Length != _keyHash!.Length * 2)
        {
            return false;
        }
        try
        {
            return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(cookie), _keyHash);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    private static string WithoutKey(HttpRequest request)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(pair => !string.Equals(pair.Key, QueryName, StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }
}
