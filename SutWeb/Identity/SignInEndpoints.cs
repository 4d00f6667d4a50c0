using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace SutWeb.Identity;

/// <summary><c>GET /signin</c> (to the provider and back to a page of this site) and <c>POST /signout</c> (antiforgery).</summary>
public static partial class SignInEndpoints
{
    public static void MapOperatorSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(OidcDefaults.SignInPath, (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = Return(returnUrl) }, [OidcDefaults.ChallengeScheme]));
        endpoints.MapPost(OidcDefaults.SignOutPath, SignOutAsync);
        // Open: it shows nothing but a link to a page of this site, which then asks for the access key as always.
        endpoints.MapGet(OidcDefaults.ReturnPath, (string? returnUrl) => Results.Content(ReturnPage(LocalOrHome(returnUrl)), "text/html; charset=utf-8"))
            .AllowAnonymous();
    }

    /// <summary>The address the provider sends the browser back to, via <see cref="OidcDefaults.ReturnPath"/>.</summary>
    public static string Return(string? returnUrl) => $"{OidcDefaults.ReturnPath}?returnUrl={Uri.EscapeDataString(LocalOrHome(returnUrl))}";

    /// <summary>A refresh from this site's own page: the next navigation is same-site and carries every cookie.</summary>
    public static string ReturnPage(string localUrl) => MovingOnPage(localUrl);

    private static string MovingOnPage(string address)
    {
        var url = HtmlEncoder.Default.Encode(address);
        return $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url={url}\">"
            + $"<title>SutWeb</title></head><body><p><a href=\"{url}\">Continue</a></p></body></html>";
    }

    /// <summary>Only a path on this site: an absolute or protocol-relative address would make /signin an open redirect.</summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            && !url.Any(char.IsControl)
            ? url
            : "/";

    private static async Task SignOutAsync(HttpContext context, IAntiforgery antiforgery, OperatorSessions sessions, ILoggerFactory loggers)
    {
        // A form of this site only: another site's page must not sign a person out (nor anything else).
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var signedIn = await context.AuthenticateAsync(OidcDefaults.CookieScheme);
        var session = signedIn.Succeeded ? OperatorIdentity.SessionOf(signedIn.Principal) : null;
        if (session is not null)
        {
            var logger = loggers.CreateLogger(typeof(SignInEndpoints).FullName!);
            try
            {
                // The provider's end-session first: it reads the ID token hint from the cookie before that goes.
                await context.SignOutAsync(OidcDefaults.ChallengeScheme, new AuthenticationProperties { RedirectUri = Return("/") });
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
            {
                // The provider cannot be reached: SutWeb's own sign-in ends all the same.
                LogProviderSignOutFailed(logger, e.Message);
            }
            LogSignedOut(logger, OperatorIdentity.WhoFrom(signedIn.Principal!) ?? "unnamed user");
        }
        await context.SignOutAsync(OidcDefaults.CookieScheme);
        if (session is not null)
        {
            sessions.End(session);
        }
        var location = context.Response.Headers.Location.ToString();
        if (location.Length == 0)
        {
            context.Response.Redirect(Return("/"));
        }
        else if (!location.StartsWith('/'))
        {
            // Browsers hold a form post's redirect to CSP form-action ('self'): the provider is reached by a page instead.
            context.Response.Headers.Location = default;
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(MovingOnPage(location));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The provider's sign-out could not be reached ({Reason}): only SutWeb's sign-in ended")]
    private static partial void LogProviderSignOutFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Who} signed out")]
    private static partial void LogSignedOut(ILogger logger, string who);
}
