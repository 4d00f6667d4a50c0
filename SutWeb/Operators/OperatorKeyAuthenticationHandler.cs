using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SutWeb.Operators;

/// <summary>
/// A personal operator key in <c>Authorization: Bearer &lt;key&gt;</c>, for scripts: the principal names the key
/// (<c>key:{name}</c>) and carries the operator claim. Browsers never send it on their own, so a request that carries
/// it is not a cross-site forgery. A wrong key is logged with the client's address, never the key.
/// </summary>
public sealed partial class OperatorKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    OperatorKeyring keyring)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!keyring.Any
            || !AuthenticationHeaderValue.TryParse(Request.Headers.Authorization.ToString(), out var header)
            || !header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is not { Length: > 0 } key)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (keyring.Find(key) is not { } name)
        {
            LogWrongKey(Logger, Context.Connection.RemoteIpAddress?.ToString() ?? "unknown", Request.Path.Value ?? "");
            return Task.FromResult(AuthenticateResult.Fail("Unknown operator key."));
        }
        var who = OperatorKeyDefaults.WhoOf(name);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, who), new Claim(OperatorClaims.Who, who), new Claim(OperatorClaims.Operator, "true")],
            Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        Response.ContentType = "application/json; charset=utf-8";
        await Response.WriteAsJsonAsync(new OperatorApiError(OperatorApiError.NoOperator));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An unknown operator key came from {ClientAddress} for {Path}")]
    private static partial void LogWrongKey(ILogger logger, string clientAddress, string path);
}
