using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace SutWeb.Security;

/// <summary>
/// The access key as an authentication scheme. A program sends the key in the <c>X-SutWeb-Key</c> header with each
/// request. A browser presents it once as <c>?key=</c> (a wall screen's bookmark) and gets the cookie scheme's
/// ticket instead, with a redirect to the same address without the key. Wrong keys are logged (never the key) and
/// limited per client address. Comparisons take constant time.
/// </summary>
public sealed partial class AccessKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<SecurityOptions> security,
    WrongKeyLimiter wrongKeys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder), IAuthenticationRequestHandler
{
    private readonly byte[]? _keyHash = security.Value.RequiresKey ? Hash(security.Value.AccessKey!) : null;

    /// <summary>Runs first for every request: refuses locked-out addresses, counts wrong keys, trades a URL key for the cookie.</summary>
    public async Task<bool> HandleRequestAsync()
    {
        var fromQuery = Request.Query[AccessKeyDefaults.QueryName].ToString();
        var fromHeader = Request.Headers[AccessKeyDefaults.HeaderName].ToString();
        if (_keyHash is null || (fromQuery.Length == 0 && fromHeader.Length == 0))
        {
            return false;
        }
        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!wrongKeys.MayTry(address, out var retryAfter))
        {
            await RefuseTooManyAsync(retryAfter);
            return true;
        }
        var wrong = (fromQuery.Length > 0 && !Matches(fromQuery)) || (fromHeader.Length > 0 && !Matches(fromHeader));
        if (wrong)
        {
            LogWrongKey(Logger, address, Request.Path.Value ?? "");
            if (!wrongKeys.RecordWrongKey(address, out retryAfter))
            {
                await RefuseTooManyAsync(retryAfter);
                return true;
            }
            // Unauthenticated from here on: open endpoints still answer, the rest challenge.
            return false;
        }
        if (fromQuery.Length > 0)
        {
            await Context.SignInAsync(AccessKeyDefaults.CookieScheme, Principal(), new AuthenticationProperties { IsPersistent = true });
            Response.Redirect(WithoutKey(Request));
            return true;
        }
        return false;
    }

    /// <summary>The header's key (the cookie is the cookie scheme's; the default scheme picks one of them).</summary>
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var fromHeader = Request.Headers[AccessKeyDefaults.HeaderName].ToString();
        if (_keyHash is null || fromHeader.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        return Task.FromResult(Matches(fromHeader)
            ? AuthenticateResult.Success(new AuthenticationTicket(Principal(), Scheme.Name))
            : AuthenticateResult.Fail("Wrong access key."));
    }

    /// <summary>A text a person understands, not a redirect to a sign-in page that does not exist.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.ContentType = "text/plain; charset=utf-8";
        await Response.WriteAsync(AccessKeyDefaults.ChallengeText);
    }

    private async Task RefuseTooManyAsync(TimeSpan retryAfter)
    {
        var seconds = (int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds));
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        Response.ContentType = "text/plain; charset=utf-8";
        await Response.WriteAsync($"Too many wrong access keys from this address: try again in {seconds} s.");
    }

    private ClaimsPrincipal Principal() =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "access key holder")], AccessKeyDefaults.Scheme));

    private bool Matches(string candidate) => CryptographicOperations.FixedTimeEquals(Hash(candidate), _keyHash);

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    private static string WithoutKey(HttpRequest request)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(pair => !string.Equals(pair.Key, AccessKeyDefaults.QueryName, StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A wrong access key came from {ClientAddress} for {Path}")]
    private static partial void LogWrongKey(ILogger logger, string clientAddress, string path);
}
