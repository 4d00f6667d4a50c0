using System.Data.Common;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using SutWeb.History;
using SutWeb.Hubs;
using SutWeb.Monitoring;
using SutWeb.Shared.History;

namespace SutWeb.Api;

/// <summary>
/// The REST API (docs/API.md section 5): the board's snapshot for scripts that do not speak SignalR, and history's runs
/// and events. Under the access key like every page (the fallback authorization policy).
/// </summary>
public static class ApiEndpoints
{
    private const string RetryAfterSeconds = "5";
    private const string LogCategory = "SutWeb.Api";

    public static IEndpointRouteBuilder MapSutWebApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/status", Status);
        api.MapGet("/history/runs", RunsAsync);
        api.MapGet("/history/runs.csv", RunsCsvAsync);
        api.MapGet("/history/events", EventsAsync);
        return endpoints;
    }

    /// <summary>Exactly what the hub's <c>GetSnapshot</c> returns: the same cached agents JSON, the hub's serializer options.</summary>
    public static JsonHttpResult<SerializedSnapshot> Status(AgentBoard board, SnapshotJsonCache snapshots, IOptions<JsonHubProtocolOptions> protocol) =>
        TypedResults.Json(snapshots.Get(board.Current), protocol.Value.PayloadSerializerOptions);

    public static async Task<Results<Ok<RunRecordsPage>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> RunsAsync(
        HttpContext context, CancellationToken cancellationToken)
    {
        if (!HistoryApiQuery.TryReadRuns(context.Request.Query, RunQuery.MaxLimit, RunQuery.DefaultLimit, out var query, out var error))
        {
            return TypedResults.BadRequest(new ApiError(error!));
        }
        if (Unavailable(context) is { } unavailable)
        {
            return unavailable;
        }
        try
        {
            var page = await context.RequestServices.GetRequiredService<HistoryQueries>().RunsAsync(query, cancellationToken);
            return TypedResults.Ok(new RunRecordsPage([.. page.Items.Select(r => r.ToRecord())], page.Next?.ToString()));
        }
        catch (Exception e) when (IsDatabaseFailure(e))
        {
            return Failed(context, e);
        }
    }

    public static async Task<Results<Ok<AgentEventsPage>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> EventsAsync(
        HttpContext context, CancellationToken cancellationToken)
    {
        if (!HistoryApiQuery.TryReadEvents(context.Request.Query, out var query, out var error))
        {
            return TypedResults.BadRequest(new ApiError(error!));
        }
        if (Unavailable(context) is { } unavailable)
        {
            return unavailable;
        }
        try
        {
            var page = await context.RequestServices.GetRequiredService<HistoryQueries>().EventsAsync(query, cancellationToken);
            return TypedResults.Ok(new AgentEventsPage([.. page.Items.Select(e => e.ToRecord())], page.Next?.ToString()));
        }
        catch (Exception e) when (IsDatabaseFailure(e))
        {
            return Failed(context, e);
        }
    }

    /// <summary>
    /// The rows of the same query as CSV, read a page at a time and sent as each page arrives. Without <c>limit</c>,
    /// every matching row up to <see cref="RunsCsv.MaxRows"/>; <see cref="RunsCsv.NextHeader"/> says where a cut export goes on.
    /// </summary>
    public static async Task<Results<PushStreamHttpResult, BadRequest<ApiError>, JsonHttpResult<ApiError>>> RunsCsvAsync(
        HttpContext context, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!HistoryApiQuery.TryReadRuns(context.Request.Query, RunsCsv.MaxRows, null, out var query, out var error))
        {
            return TypedResults.BadRequest(new ApiError(error!));
        }
        if (Unavailable(context) is { } unavailable)
        {
            return unavailable;
        }
        var queries = context.RequestServices.GetRequiredService<HistoryQueries>();
        var wanted = query.Limit;
        HistoryPage<HistoryRun> first;
        HistoryCursor? next;
        try
        {
            // The first page and where the export stops are read before the answer starts, so a database that is
            // down is a 503 rather than an empty file.
            first = await queries.RunsAsync(query with { Limit = Math.Min(wanted, RunQuery.MaxLimit) }, cancellationToken);
            next = wanted <= RunQuery.MaxLimit || first.Next is null ? first.Next : await queries.RunsCursorAfterAsync(query, wanted, cancellationToken);
        }
        catch (Exception e) when (IsDatabaseFailure(e))
        {
            return Failed(context, e);
        }
        if (next is { } cut)
        {
            context.Response.Headers[RunsCsv.NextHeader] = cut.ToString();
        }
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Stream(
            body => WriteCsvAsync(body, queries, query, first, wanted, context, loggers.CreateLogger(LogCategory), cancellationToken),
            RunsCsv.ContentType,
            "sutweb-runs.csv");
    }

    private static async Task WriteCsvAsync(
        Stream body, HistoryQueries queries, RunQuery query, HistoryPage<HistoryRun> first, int wanted, HttpContext context, ILogger logger,
        CancellationToken cancellationToken)
    {
        var csv = new StringBuilder();
        RunsCsv.AppendHeader(csv);
        var page = first;
        var written = 0;
        while (true)
        {
            foreach (var run in page.Items)
            {
                RunsCsv.AppendRow(csv, run.ToRecord());
            }
            written += page.Items.Count;
            await body.WriteAsync(Encoding.UTF8.GetBytes(csv.ToString()), cancellationToken);
            await body.FlushAsync(cancellationToken);
            csv.Clear();
            if (page.Next is not { } cursor || written >= wanted)
            {
                return;
            }
            try
            {
                page = await queries.RunsAsync(query with { Limit = Math.Min(wanted - written, RunQuery.MaxLimit), Cursor = cursor }, cancellationToken);
            }
            catch (Exception e) when (IsDatabaseFailure(e))
            {
                // The status line is sent: breaking the connection is the only way to tell the client the file is incomplete.
                ApiLog.ExportFailed(logger, written, Reason(e));
                context.Abort();
                return;
            }
        }
    }

    /// <summary>404 when history is off (it will not come by retrying); 503 while the database is being opened.</summary>
    private static JsonHttpResult<ApiError>? Unavailable(HttpContext context)
    {
        if (context.RequestServices.GetService<HistoryStatus>() is not { } status)
        {
            return TypedResults.Json(
                new ApiError("History is not kept: History:Provider is None. Set it to Sqlite or Postgres to record runs and events."),
                statusCode: StatusCodes.Status404NotFound);
        }
        if (status.State == HistoryState.Starting)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            return TypedResults.Json(new ApiError("History is opening its database; try again in a few seconds."),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return null;
    }

    /// <summary>The provider's own error, or EF Core's wrapper of one it judged transient (a refused connection).</summary>
    private static bool IsDatabaseFailure(Exception e) => e is DbException or TimeoutException || e.InnerException is DbException or TimeoutException;

    /// <summary>The provider's message (a host and port at most: connection strings are not in it).</summary>
    private static string Reason(Exception e) => (e is DbException ? e : e.InnerException ?? e).Message;

    private static JsonHttpResult<ApiError> Failed(HttpContext context, Exception e)
    {
        ApiLog.QueryFailed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory), Reason(e));
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return TypedResults.Json(new ApiError("The history database did not answer; the live board is not affected. Try again shortly."),
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
