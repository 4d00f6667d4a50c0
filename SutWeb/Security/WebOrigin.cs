namespace SutWeb.Security;

/// <summary>Origins compared as browsers mean them: scheme, host and port, whatever the spelling.</summary>
public static class WebOrigin
{
    /// <returns><c>scheme://host:port</c> in lower case, or null when <paramref name="origin"/> is not an http(s) origin.</returns>
    public static string? Normalize(string? origin)
    {
        if (string.IsNullOrEmpty(origin)
            || !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.UserInfo.Length > 0
            || uri.AbsolutePath != "/"
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0)
        {
            return null;
        }
        return $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}".ToLowerInvariant();
    }

    /// <summary>The origin this request was addressed to (after forwarded headers, when trusted).</summary>
    public static string? Of(HttpRequest request) => Normalize($"{request.Scheme}://{request.Host.Value}");
}
