namespace SutWeb.Security;

/// <summary>Names of the access key check: its authentication schemes, cookie, header and query parameter.</summary>
public static class AccessKeyDefaults
{
    /// <summary>The default scheme: the header when a request carries it, the cookie otherwise.</summary>
    public const string Scheme = "SutWeb";

    /// <summary>The key itself, in the header or (once, to earn the cookie) the query.</summary>
    public const string KeyScheme = "SutWeb.Key";

    /// <summary>The browser's ticket: a Data Protection cookie that expires.</summary>
    public const string CookieScheme = "SutWeb.Cookie";

    public const string CookieName = "sutweb_access";
    public const string HeaderName = "X-SutWeb-Key";
    public const string QueryName = "key";

    public const string ChallengeText =
        "SutWeb needs its access key: open this address once with ?key=<the access key>, or send the X-SutWeb-Key header.";
}
