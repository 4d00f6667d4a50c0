using Microsoft.AspNetCore.Http.Metadata;
using SutWeb.Shared.Wire;

namespace SutWeb.Simulator;

/// <summary>
/// At most <see cref="MaxBytes"/> of request body on every simulator endpoint, and an unreadable body is the client's
/// error. As metadata it lowers Kestrel's limit for the endpoint (the routing middleware sets
/// <c>IHttpMaxRequestBodySizeFeature</c>); as a filter it answers 413 before reading when the declared length is over,
/// or when reading a chunked body runs over, and 400 when a form cannot be decoded.
/// </summary>
internal sealed class SimulatorRequestBodyFilter : IEndpointFilter, IRequestSizeLimitMetadata
{
    public const long MaxBytes = 1024 * 1024;

    public long? MaxRequestBodySize => MaxBytes;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.ContentLength > MaxBytes)
        {
            return TooLarge();
        }
        try
        {
            return await next(context);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !http.Response.HasStarted)
        {
            return TooLarge();
        }
        catch (InvalidDataException) when (!http.Response.HasStarted)
        {
            // A form with characters it may not hold, or over the form reader's own limits: a real server says 400 too.
            return Results.Json(
                SimulatorMessages.BadRequest("The form in the request body could not be read."),
                EggplantJsonContext.Default.EggplantMessage,
                statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static IResult TooLarge() => Results.Json(
        SimulatorMessages.PayloadTooLarge(MaxBytes),
        EggplantJsonContext.Default.EggplantMessage,
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
