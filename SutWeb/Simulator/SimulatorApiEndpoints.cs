using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SutWeb.Shared.Wire;

namespace SutWeb.Simulator;

/// <summary>The Eggplant AI API (docs/API.md section 1) under <c>/simulator</c>, with the fault in force applied.</summary>
internal static class SimulatorApiEndpoints
{
    private static readonly SimulatorReply Unauthorized =
        SimulatorReply.Json(StatusCodes.Status401Unauthorized, SimulatorMessages.NotAuthorized, EggplantJsonContext.Default.EggplantMessage);

    // The contract's 403 from sign-in: every concurrent licence (Simulator:MaxTokens) is taken.
    private static readonly SimulatorReply NoLicenceFree =
        SimulatorReply.Json(StatusCodes.Status403Forbidden, SimulatorMessages.NoLicenceFree, EggplantJsonContext.Default.EggplantMessage);

    private static readonly SimulatorReply AbortTriggered =
        SimulatorReply.Json(StatusCodes.Status200OK, SimulatorMessages.AbortTriggered, EggplantJsonContext.Default.EggplantMessage);

    private static readonly SimulatorReply InternalServerError = SimulatorReply.Json(
        StatusCodes.Status500InternalServerError,
        SimulatorMessages.InternalServerError("Simulated fault: http500."),
        EggplantJsonContext.Default.EggplantMessage);

    // What a proxy in front of a broken server answers: an error page with status 200.
    private static readonly SimulatorReply HtmlErrorPage = new(
        StatusCodes.Status200OK,
        Encoding.UTF8.GetBytes(
            "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n"
            + "<body><h1>Bad Gateway</h1><p>The proxy server received an invalid response from an upstream server.</p></body></html>\n"),
        "text/html; charset=utf-8");

    public static void Map(IEndpointRouteBuilder simulator)
    {
        simulator.MapPost("/auth", (HttpContext context, SimulatorState state) =>
            ServeAsync(context, state, state.Counters.CountAuth, AuthAsync));
        // Newer servers (DAI 6.2 and later) issue tokens through
        // OAuth 2.0 client credentials, so the simulator serves that token URL too (client_secret is
        // the configured password). It counts as an auth request.
        simulator.MapPost("/oauth/token", (HttpContext context, SimulatorState state) =>
            ServeAsync(context, state, state.Counters.CountAuth, ClientCredentialsAsync));
        simulator.MapPost("/api/sut/status", (HttpContext context, SimulatorState state) =>
            ServeAsync(context, state, state.Counters.CountStatus, StatusAsync));
        simulator.MapPost("/api/run/abort", (HttpContext context, SimulatorState state) =>
            ServeAsync(context, state, state.Counters.CountAbort, AbortAsync));
    }

    private static async Task ServeAsync(
        HttpContext context,
        SimulatorState state,
        Action count,
        Func<HttpContext, SimulatorState, Task<SimulatorReply>> answer)
    {
        count();
        var (fault, faultChanged) = state.FaultInForce;
        var reply = fault.Kind switch
        {
            SimulatorFaultKind.Http500 => InternalServerError,
            SimulatorFaultKind.Html => HtmlErrorPage,
            _ => null,
        };
        if (reply is null)
        {
            var delay = fault.Kind switch
            {
                SimulatorFaultKind.Timeout => SimulatorFault.TimeoutDelay,
                SimulatorFaultKind.Slow => fault.Delay,
                _ => TimeSpan.Zero,
            };
            if (delay > TimeSpan.Zero && !await state.DelayAsync(delay, context.RequestAborted))
            {
                context.Abort();
                return;
            }
            reply = await answer(context, state);
            if (fault.Kind == SimulatorFaultKind.Malformed)
            {
                reply = reply.Truncated();
            }
            if (SimulatorFaultWriter.Handles(fault.Kind))
            {
                await SimulatorFaultWriter.WriteAsync(fault.Kind, reply, context, state, faultChanged);
                return;
            }
        }
        await reply.WriteAsync(context.Response);
    }

    private static async Task<SimulatorReply> AuthAsync(HttpContext context, SimulatorState state)
    {
        var form = await ReadFormAsync(context.Request);
        var username = form["username"].ToString();
        var password = form["password"].ToString();
        if (username.Length == 0 || password.Length == 0)
        {
            var missing = username.Length == 0 ? "username" : "password";
            return SimulatorReply.Json(
                StatusCodes.Status400BadRequest,
                SimulatorMessages.BadRequest($"Missing parameter: {missing}."),
                EggplantJsonContext.Default.EggplantMessage);
        }
        return state.Tokens.TryIssue(username, password) switch
        {
            (_, { } token) => TokenReply(token),
            (SimulatorSignIn.NoLicenceFree, _) => NoLicenceFree,
            _ => Unauthorized,
        };
    }

    /// <summary>RFC 6749 section 4.4, with the client credentials in the form or in a Basic header (section 2.3.1).</summary>
    private static async Task<SimulatorReply> ClientCredentialsAsync(HttpContext context, SimulatorState state)
    {
        var form = await ReadFormAsync(context.Request);
        var grantType = form["grant_type"].ToString();
        if (grantType != "client_credentials")
        {
            return OAuthError(StatusCodes.Status400BadRequest, grantType.Length == 0 ? "invalid_request" : "unsupported_grant_type");
        }
        var (clientId, clientSecret) = BasicCredentials(context.Request)
            ?? (form["client_id"].ToString(), form["client_secret"].ToString());
        if (clientId.Length == 0 || clientSecret.Length == 0)
        {
            return OAuthError(StatusCodes.Status400BadRequest, "invalid_request");
        }
        return state.Tokens.TryIssue(clientId, clientSecret) switch
        {
            (_, { } token) => TokenReply(token),
            (SimulatorSignIn.NoLicenceFree, _) => OAuthError(StatusCodes.Status403Forbidden, "access_denied"),
            _ => OAuthError(StatusCodes.Status401Unauthorized, "invalid_client"),
        };
    }

    private static Task<SimulatorReply> StatusAsync(HttpContext context, SimulatorState state) =>
        Task.FromResult(IsAuthorized(context.Request, state)
            ? new SimulatorReply(StatusCodes.Status200OK, state.Agents.ToJsonArray())
            : Unauthorized);

    private static async Task<SimulatorReply> AbortAsync(HttpContext context, SimulatorState state)
    {
        if (!IsAuthorized(context.Request, state))
        {
            return Unauthorized;
        }
        var id = (await ReadFormAsync(context.Request))["id"].ToString();
        if (id.Length == 0)
        {
            return SimulatorReply.Json(
                StatusCodes.Status400BadRequest,
                SimulatorMessages.BadRequest("Missing parameter: id."),
                EggplantJsonContext.Default.EggplantMessage);
        }
        var found = long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var processId)
            && state.Agents.Abort(processId);
        return found
            ? AbortTriggered
            : SimulatorReply.Json(
                StatusCodes.Status404NotFound,
                SimulatorMessages.NotFound($"No process has the id {id}."),
                EggplantJsonContext.Default.EggplantMessage);
    }

    private static SimulatorReply TokenReply(TokenResponse token) =>
        SimulatorReply.Json(StatusCodes.Status200OK, token, EggplantJsonContext.Default.TokenResponse);

    private static SimulatorReply OAuthError(int statusCode, string error) =>
        new(statusCode, Encoding.UTF8.GetBytes(new JsonObject { ["error"] = error }.ToJsonString()));

    /// <summary>A live token in <c>Authorization: bearer …</c> (any case), unless the "unauthorized" fault rejects them all.</summary>
    private static bool IsAuthorized(HttpRequest request, SimulatorState state) =>
        state.Fault.Kind != SimulatorFaultKind.Unauthorized
        && AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
        && header.Scheme.Equals("bearer", StringComparison.OrdinalIgnoreCase)
        && header.Parameter is { Length: > 0 } token
        && state.Tokens.IsValid(token);

    private static (string Id, string Secret)? BasicCredentials(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            || !header.Scheme.Equals("basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return null;
        }
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = pair.IndexOf(':');
            // RFC 6749 form-encodes both parts before Base64.
            return colon < 0 ? null : (WebUtility.UrlDecode(pair[..colon]), WebUtility.UrlDecode(pair[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // Eggplant's clients send an empty form, or none at all, where no parameter is needed.
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request) =>
        request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : FormCollection.Empty;
}
