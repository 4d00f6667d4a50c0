using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SutWeb.Tests.TestSupport;

/// <summary>
/// A webhook receiver on 127.0.0.1 (Kestrel): records every request it gets (method, path, headers, exact body bytes)
/// and answers them in turn with the scripted answers (500 then 200, 429 with Retry-After, 400…), then 200.
/// </summary>
public sealed class RecordingReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedAnswer> _script = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private RecordingReceiver(WebApplication app) => _app = app;

    /// <summary>The server's address with a trailing slash.</summary>
    public Uri BaseAddress
    {
        get
        {
            var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    public IReadOnlyList<ReceivedRequest> Requests => [.. _received];

    /// <summary>A URL on this receiver, e.g. with a token in its path as Slack's have.</summary>
    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery.TrimStart('/')).ToString();

    /// <summary>Answers the next requests with these, in order; after them, 200.</summary>
    public void Script(params ScriptedAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    /// <param name="port">0 for a free one; a given port lets a test start the receiver after SutWeb was told its URL.</param>
    public static async Task<RecordingReceiver> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new RecordingReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var answer = _script.TryDequeue(out var scripted) ? scripted : ScriptedAnswer.Ok;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _received.Enqueue(new ReceivedRequest(
            context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body.ToArray(), answer.Status));
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        if (answer.Body is { } text)
        {
            await context.Response.WriteAsync(text);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TimeSpan.FromSeconds(5));
        await _app.DisposeAsync();
    }
}
