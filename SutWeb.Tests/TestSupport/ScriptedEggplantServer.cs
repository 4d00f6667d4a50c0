using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SutWeb.Tests.TestSupport;

/// <summary>
/// A stand-in Eggplant server on real Kestrel (127.0.0.1, free port) that answers exactly what a test scripts:
/// any status code or raw bytes, for answers the simulator does not produce (403 licences, fuzzed payloads).
/// </summary>
public sealed class ScriptedEggplantServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile Answer _auth = new(HttpStatusCode.OK, "application/json", """{"access_token":"scripted-token","expires_in":3600,"token_type":"bearer"}"""u8.ToArray());
    private volatile Answer _status = new(HttpStatusCode.OK, "application/json", "[]"u8.ToArray());
    private int _statusRequests;
    private int _authRequests;

    private ScriptedEggplantServer(WebApplication app) => _app = app;

    /// <summary>The server's address with a trailing slash, as <c>Eggplant:BaseUrl</c> takes it.</summary>
    public string BaseUrl =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";

    public int StatusRequests => Volatile.Read(ref _statusRequests);

    /// <summary>Sign-in requests so far, whatever they were answered.</summary>
    public int AuthRequests => Volatile.Read(ref _authRequests);

    public static async Task<ScriptedEggplantServer> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedEggplantServer(app);
        app.MapPost("/auth", (HttpContext context) =>
        {
            Interlocked.Increment(ref server._authRequests);
            return server.WriteAsync(context, server._auth);
        });
        app.MapPost("/api/sut/status", (HttpContext context) =>
        {
            Interlocked.Increment(ref server._statusRequests);
            return server.WriteAsync(context, server._status);
        });
        await app.StartAsync();
        return server;
    }

    public void AnswerAuth(HttpStatusCode status, string body, string contentType = "application/json") =>
        _auth = new(status, contentType, System.Text.Encoding.UTF8.GetBytes(body));

    public void AnswerStatus(byte[] body, HttpStatusCode status = HttpStatusCode.OK, string contentType = "application/json") =>
        _status = new(status, contentType, body);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task WriteAsync(HttpContext context, Answer answer)
    {
        context.Response.StatusCode = (int)answer.Status;
        context.Response.ContentType = answer.ContentType;
        await context.Response.Body.WriteAsync(answer.Body);
    }

    private sealed record Answer(HttpStatusCode Status, string ContentType, byte[] Body);
}
