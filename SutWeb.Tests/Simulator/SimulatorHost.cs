using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Simulator;

using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Simulator;

/// <summary>
/// A real Kestrel host on 127.0.0.1 and a free port, serving only the simulator, with an HttpClient
/// whose base address is <c>http://127.0.0.1:port/simulator/</c>.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    public const string Password = "simulator";

    private readonly WebApplication _app;

    private SimulatorHost(WebApplication app, Uri baseAddress, TimeProvider time)
    {
        _app = app;
        BaseAddress = baseAddress;
        Time = time as FakeTimeProvider;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>The simulator's fake clock; null when the test chose another clock.</summary>
    public FakeTimeProvider? Time { get; }

    /// <param name="settings">Configuration keys such as <c>Simulator:AgentCount</c>.</param>
    /// <param name="time">
    /// The simulator's clock. By default a fake clock that stands still until the test advances it,
    /// so that no activity changes the agents behind a test's back.
    /// </param>
    public static async Task<SimulatorHost> StartAsync(IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        time ??= new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Only what the test says: no appsettings.json or environment variables from the machine.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(time);
        builder.Services.AddEggplantSimulator(builder.Configuration);

        var app = builder.Build();
        app.MapEggplantSimulator();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new SimulatorHost(app, new Uri(address.TrimEnd('/') + "/simulator/"), time);
    }

    public static Dictionary<string, string?> Settings(params (string Key, object Value)[] values) =>
        values.ToDictionary(v => "Simulator:" + v.Key, v => (string?)Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture));

    public Task<HttpResponseMessage> AuthAsync(string? username, string? password, HttpClient? client = null) =>
        (client ?? Client).PostAsync("auth", Form(("username", username), ("password", password)));

    public async Task<string> GetTokenAsync()
    {
        using var response = await AuthAsync("tester", Password);
        response.EnsureSuccessStatusCode();
        var body = await ReadObjectAsync(response);
        return body["access_token"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> StatusAsync(string? token, HttpClient? client = null) =>
        (client ?? Client).SendAsync(Post("api/sut/status", token, Form()));

    public Task<HttpResponseMessage> AbortAsync(string? token, string? id) =>
        Client.SendAsync(Post("api/run/abort", token, Form(("id", id))));

    /// <summary>The status array, read with a fresh token.</summary>
    public async Task<JsonArray> ReadStatusAsync()
    {
        using var response = await StatusAsync(await GetTokenAsync());
        response.EnsureSuccessStatusCode();
        return (JsonArray)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task<JsonArray> GetAgentsAsync() =>
        (JsonArray)JsonNode.Parse(await Client.GetStringAsync("control/agents"))!;

    public Task<HttpResponseMessage> PutAgentAsync(string agentName, string json) =>
        Client.PutAsync("control/agents/" + Uri.EscapeDataString(agentName), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PutControlAsync(string path, object body) =>
        Client.PutAsJsonAsync("control/" + path, body);

    public async Task SetActivityAsync(bool running)
    {
        using var response = await PutControlAsync("activity", new { running });
        response.EnsureSuccessStatusCode();
    }

    public async Task SetFaultAsync(string kind, int? delayMs = null)
    {
        using var response = await PutControlAsync("fault", new { kind, delayMs });
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonObject> GetStatsAsync() =>
        (JsonObject)JsonNode.Parse(await Client.GetStringAsync("control/stats"))!;

    /// <summary>Moves the fake clock on by one activity tick at a time until the condition holds.</summary>
    public Task TickUntilAsync(Func<Task<bool>> condition, string because) =>
        Eventually.UntilAsync(async () =>
        {
            Time!.Advance(TimeSpan.FromSeconds(1));
            return await condition();
        }, because);

    /// <summary>A client of the same host with its own timeout, for the timeout fault.</summary>
    public HttpClient CreateClient(TimeSpan timeout) => new() { BaseAddress = BaseAddress, Timeout = timeout };

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static HttpRequestMessage Post(string path, string? token, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("bearer", token);
        }
        return request;
    }

    // Omits null fields, so that a test can leave a parameter out.
    private static FormUrlEncodedContent Form(params (string Key, string? Value)[] fields) =>
        new(fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)));
}
