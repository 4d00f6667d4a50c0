using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SutWeb.Simulator;

/// <summary>An Eggplant endpoint's answer, held as bytes so that a fault can still change it before it is sent.</summary>
internal sealed record SimulatorReply(int StatusCode, ReadOnlyMemory<byte> Body, string ContentType = "application/json")
{
    public static SimulatorReply Json<T>(int statusCode, T value, JsonTypeInfo<T> typeInfo) =>
        new(statusCode, JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    /// <summary>The "malformed" fault: the real answer cut in half, with status 200.</summary>
    public SimulatorReply Truncated() => new(StatusCodes.Status200OK, Body[..(Body.Length / 2)], ContentType);

    public async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, response.HttpContext.RequestAborted);
    }
}
