using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using SutWeb.History;
using SutWeb.Operators.Audit;
using SutWeb.Security;

namespace SutWeb.Operators;

/// <summary>
/// The operators' API (docs/API.md section 7): <c>POST /api/runs/abort</c> and <c>GET /api/audit</c>. Each checks the
/// operator itself with the <see cref="OperatorClaims.Policy"/> policy, so that it answers 401 and 403 as the contract
/// says (a challenge of a cookie scheme would redirect to a sign-in page instead), and is open to an operator key
/// without the viewers' access key. A browser's cookie is sent cross-site on its own, so a call authenticated by a
/// cookie needs the antiforgery token header too; an operator key, which no browser sends by itself, does not.
/// </summary>
public static class OperatorEndpoints
{
    public const int MaxAuditLimit = 1_000;
    public const int DefaultAuditLimit = 100;

    private const int MaxFieldLength = 256;

    public static IEndpointRouteBuilder MapOperatorApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/runs/abort", AbortAsync).AllowAnonymous().DisableAntiforgery();
        endpoints.MapGet("/api/audit", AuditAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> AbortAsync(HttpContext context, IRunAborter aborter, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (await RefuseUnlessOperatorAsync(context) is { } refused)
        {
            return refused;
        }
        if (!ByOperatorKey(context) && !await antiforgery.IsRequestValidAsync(context))
        {
            return Error(StatusCodes.Status400BadRequest,
                "A signed-in call needs the antiforgery token in the RequestVerificationToken header (cross-site requests are refused); scripts send an operator key instead.");
        }
        AbortBody? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<AbortBody>(cancellationToken);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return Error(StatusCodes.Status400BadRequest, "The body must be JSON: { \"source\", \"agentName\", \"port\", \"executionId\" }.");
        }
        if (Invalid(body) is { } invalid)
        {
            return Error(StatusCodes.Status400BadRequest, invalid);
        }
        var request = new AbortRequest(body!.Source!, body.AgentName!, body.Port, body.ExecutionId!);
        var attempt = new AbortAttempt(Who(context), context.Connection.RemoteIpAddress?.ToString(), AuditVia.Api, request);
        var result = await aborter.AbortAsync(attempt, cancellationToken);
        return result.Outcome switch
        {
            AbortOutcome.AbortRequested => Results.Json(new AbortAccepted(nameof(AbortOutcome.AbortRequested)), statusCode: StatusCodes.Status202Accepted),
            AbortOutcome.NoSuchAgent => Error(StatusCodes.Status404NotFound, result.Error),
            AbortOutcome.NotThatRun => Error(StatusCodes.Status409Conflict, result.Error),
            AbortOutcome.RateLimited => RateLimited(context, result.Error),
            _ => Error(StatusCodes.Status502BadGateway, result.Error),
        };
    }

    private static async Task<IResult> AuditAsync(HttpContext context, IAuditTrail audit, CancellationToken cancellationToken)
    {
        if (await RefuseUnlessOperatorAsync(context) is { } refused)
        {
            return refused;
        }
        var limit = DefaultAuditLimit;
        var limitText = context.Request.Query["limit"].ToString();
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxAuditLimit))
        {
            return Error(StatusCodes.Status400BadRequest, $"limit must be a whole number from 1 to {MaxAuditLimit}.");
        }
        HistoryCursor? cursor = null;
        var cursorText = context.Request.Query["cursor"].ToString();
        if (cursorText.Length > 0)
        {
            if (!HistoryCursor.TryParse(cursorText, out var parsed))
            {
                return Error(StatusCodes.Status400BadRequest, "cursor must be the next of a previous answer, as given.");
            }
            cursor = parsed;
        }
        try
        {
            var page = await audit.ReadAsync(limit, cursor, cancellationToken);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(new AuditRecordsPage([.. page.Items.Select(AuditRecord.Of)], page.Next?.ToString()));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            context.Response.Headers.RetryAfter = "5";
            return Error(StatusCodes.Status503ServiceUnavailable, "The history database did not answer; try again shortly.");
        }
    }

    /// <summary>401 without an operator identity, 403 for one that is signed in without the operator claim; null for an operator.</summary>
    private static async Task<IResult?> RefuseUnlessOperatorAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var policy = await services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(OperatorClaims.Policy)
            ?? throw new InvalidOperationException("The Operator policy is not registered: call AddOperators.");
        var evaluator = services.GetRequiredService<IPolicyEvaluator>();
        var authenticated = await evaluator.AuthenticateAsync(policy, context);
        var authorized = await evaluator.AuthorizeAsync(policy, authenticated, context, resource: null);
        if (authorized.Succeeded)
        {
            return null;
        }
        // The viewers' access key authenticates too, but names nobody: with it alone the caller has no identity here.
        if (authorized.Forbidden && context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType != AccessKeyDefaults.Scheme))
        {
            return Error(StatusCodes.Status403Forbidden, OperatorApiError.NotOperator);
        }
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Error(StatusCodes.Status401Unauthorized, OperatorApiError.NoOperator);
    }

    /// <summary>Whether the operator claim came with an operator key (not a cookie a browser sends by itself).</summary>
    private static bool ByOperatorKey(HttpContext context) =>
        context.User.Identities.Any(i => i.AuthenticationType == OperatorKeyDefaults.Scheme && i.HasClaim(OperatorClaims.Operator, "true"));

    private static string Who(HttpContext context) =>
        OperatorClaims.WhoIs(context.User) ?? context.User.Identity?.Name ?? "unnamed operator";

    private static string? Invalid(AbortBody? body)
    {
        if (body is null)
        {
            return "The body must be JSON: { \"source\", \"agentName\", \"port\", \"executionId\" }.";
        }
        foreach (var (name, value) in new[] { ("source", body.Source), ("agentName", body.AgentName), ("executionId", body.ExecutionId) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > MaxFieldLength)
            {
                return $"{name} is required, at most {MaxFieldLength} characters.";
            }
        }
        return body.Port is < 0 or > 65535 ? "port must be from 0 to 65535, or null." : null;
    }

    private static IResult RateLimited(HttpContext context, string? error)
    {
        context.Response.Headers.RetryAfter = ((int)OperatorRateLimiter.Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return Error(StatusCodes.Status429TooManyRequests, error);
    }

    private static IResult Error(int status, string? error) =>
        Results.Json(new OperatorApiError(error ?? "The abort failed."), statusCode: status);
}
