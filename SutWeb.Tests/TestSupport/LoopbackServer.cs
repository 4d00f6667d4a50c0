using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SutWeb.Tests.TestSupport;

/// <summary>
/// A bare Kestrel server on 127.0.0.1 and a free port whose endpoints a test maps itself, for answers at the socket
/// level (a stalled body, a redirect), and which counts every request it receives, mapped or not.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private LoopbackServer(WebApplication app) => _app = app;

    /// <summary>The address with a trailing slash, as <c>Eggplant:BaseUrl</c> takes it.</summary>
    public string BaseUrl =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";

    /// <summary>host:port, as an error message names it.</summary>
    public string Authority => new Uri(BaseUrl).Authority;

    /// <summary>Requests received so far, on any path.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<LoopbackServer> StartAsync(Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref server._requests);
            return next(context);
        });
        map?.Invoke(app);
        await app.StartAsync();
        return server;
    }

    /// <summary>Sends the status, the headers (with the whole length) and the first half of <paramref name="body"/>, then nothing until the client leaves.</summary>
    public static async Task StallAfterHalfAsync(HttpContext context, byte[] body)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
        await context.Response.Body.FlushAsync();
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TimeSpan.FromSeconds(5));
        await _app.DisposeAsync();
    }
}
