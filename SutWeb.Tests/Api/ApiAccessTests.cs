using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SutWeb.Api;
using SutWeb.History;
using SutWeb.Security;
using SutWeb.Shared.History;
using SutWeb.Shared.Hub;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Api;

/// <summary>The API without a history database, behind the access key, and while history is still opening its database.</summary>
public sealed class ApiAccessTests
{
    private const string Key = "api-script-key-4711";

    public static TheoryData<string> Paths => ["/api/status", "/api/history/runs", "/api/history/runs.csv", "/api/history/events"];

    [Fact]
    public async Task Status_ProviderNone_SameSnapshotAsTheHubGives()
    {
        await using var host = await SutWebHost.StartAsync(); // History:Provider=None
        await Eventually.UntilAsync(() => host.Board.Current.Agents.Count == 5, "the simulator's agents are on the board");
        await host.SetActivityAsync(false);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, StatusHubContract.Path.TrimStart('/'))).Build();
        await hub.StartAsync();

        JsonElement status = default, snapshot = default;
        // The board may move between the two calls; the same version must give the same JSON.
        await Eventually.UntilAsync(async () =>
        {
            status = JsonDocument.Parse(await host.Http.GetStringAsync("/api/status")).RootElement;
            snapshot = await hub.InvokeAsync<JsonElement>(StatusHubContract.GetSnapshot);
            return status.GetProperty("version").GetInt64() == snapshot.GetProperty("version").GetInt64();
        }, "the API and the hub give the same version");

        Assert.Equal(["version", "observedAt", "health", "agents"], status.EnumerateObject().Select(p => p.Name));
        Assert.Equal(5, status.GetProperty("agents").GetArrayLength());
        Assert.Equal(snapshot.GetProperty("agents").GetRawText(), status.GetProperty("agents").GetRawText());
        // Health's times move with every poll, without a new version; its shape is the hub's.
        Assert.Equal(snapshot.GetProperty("health").EnumerateObject().Select(p => p.Name), status.GetProperty("health").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("/api/history/runs")]
    [InlineData("/api/history/runs.csv")]
    [InlineData("/api/history/events?kind=Connected")]
    public async Task History_ProviderNone_404SayingHistoryIsOff(string path)
    {
        await using var host = await SutWebHost.StartAsync();

        using var response = await host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("History:Provider is None", (await response.Content.ReadFromJsonAsync<ApiError>())!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_ProviderNoneAndBadParameter_400First()
    {
        await using var host = await SutWebHost.StartAsync();

        using var response = await host.Http.GetAsync("/api/history/runs?limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Api_AccessKeySet_RefusedWithoutAndAnsweredWithTheHeader(string path)
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?> { ["Security:AccessKey"] = Key });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        using var without = await client.GetAsync(path);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { AccessKeyDefaults.HeaderName, Key + "x" } } };
        using var wrongResponse = await client.SendAsync(wrong);
        using var right = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { AccessKeyDefaults.HeaderName, Key } } };
        using var rightResponse = await client.SendAsync(right);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
        // With the key the request gets through: the status, or history's own answer (off in this host).
        Assert.Equal(path == "/api/status" ? HttpStatusCode.OK : HttpStatusCode.NotFound, rightResponse.StatusCode);
    }

    [Fact]
    public async Task History_DatabaseStillOpening_503WithRetryAfter()
    {
        var services = new ServiceCollection()
            .AddSingleton(new HistoryStatus()) // Starting: the writer has not opened the database yet
            .AddSingleton(new HistoryQueries(new HistoryDatabase(Options.Create(new HistoryOptions { Provider = HistoryProvider.Sqlite, DataDirectory = "/nonexistent" }))))
            .AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance)
            .BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };

        var runs = (await ApiEndpoints.RunsAsync(context, CancellationToken.None)).Result;
        var events = (await ApiEndpoints.EventsAsync(context, CancellationToken.None)).Result;
        var csv = (await ApiEndpoints.RunsCsvAsync(context, NullLoggerFactory.Instance, CancellationToken.None)).Result;

        foreach (var result in new IResult[] { runs, events, csv })
        {
            var json = Assert.IsType<JsonHttpResult<ApiError>>(result);
            Assert.Equal(StatusCodes.Status503ServiceUnavailable, json.StatusCode);
            Assert.Contains("opening its database", json.Value!.Error, StringComparison.Ordinal);
        }
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
    }
}
