using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace SutWeb.Bench.Clients;

/// <summary>
/// A team's webhook receiver on 127.0.0.1 (Kestrel, in the driver): notes when each POST arrived and its JSON body,
/// and answers 200 at once.
/// </summary>
public sealed class WebhookSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(DateTimeOffset At, JsonObject Body)> _received = new();

    private WebhookSink(WebApplication app) => _app = app;

    public IReadOnlyList<(DateTimeOffset At, JsonObject Body)> Received => [.. _received];

    public string Url(string path)
    {
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return address.TrimEnd('/') + path;
    }

    public static async Task<WebhookSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new WebhookSink(app);
        app.Run(async context =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            // Noted when the whole body is in: what a receiver could act on.
            sink._received.Enqueue((DateTimeOffset.UtcNow, body!.AsObject()));
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        await app.StartAsync();
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TimeSpan.FromSeconds(5));
        await _app.DisposeAsync();
    }
}
