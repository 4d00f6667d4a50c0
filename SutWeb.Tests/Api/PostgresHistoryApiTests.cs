using System.Net;
using System.Net.Http.Json;
using SutWeb.History;
using SutWeb.Shared.History;
using SutWeb.Tests.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Api;

[Collection(PostgresCollection.Name)]
public sealed class PostgresHistoryApiTests(PostgresCluster cluster) : HistoryApiTests
{
    protected override async Task<HistoryTestDatabase> NewDatabaseAsync() =>
        new PostgresTestDatabase(cluster, await cluster.CreateDatabaseAsync("api"));

    [SkippableFact]
    public async Task Runs_DatabaseStopped_503ThenRowsOnceItIsBack()
    {
        await using var test = await NewDatabaseAsync();
        await using var host = await StartHostAsync(test);
        await StoreAsync(test, Run("kept", "lab-1", Now, RunOutcomes.Passed));

        HttpStatusCode runs, csv, events, status;
        string error;
        await test.StopAsync();
        try
        {
            using var runsResponse = await host.Http.GetAsync("/api/history/runs");
            using var csvResponse = await host.Http.GetAsync("/api/history/runs.csv");
            using var eventsResponse = await host.Http.GetAsync("/api/history/events");
            using var statusResponse = await host.Http.GetAsync("/api/status");
            (runs, csv, events, status) = (runsResponse.StatusCode, csvResponse.StatusCode, eventsResponse.StatusCode, statusResponse.StatusCode);
            var body = await runsResponse.Content.ReadAsStringAsync();
            Assert.True(runsResponse.StatusCode == HttpStatusCode.ServiceUnavailable, body[..Math.Min(body.Length, 3000)]);
            error = System.Text.Json.JsonSerializer.Deserialize<ApiError>(body, System.Text.Json.JsonSerializerOptions.Web)!.Error;
            Assert.NotNull(runsResponse.Headers.RetryAfter);
        }
        finally
        {
            await test.StartAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, runs);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, csv);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, events);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("history database did not answer", error, StringComparison.Ordinal);
        await Eventually.UntilAsync(async () => (await host.Http.GetAsync("/api/history/runs")).StatusCode == HttpStatusCode.OK, "the API answers again");
        Assert.Equal("kept", Assert.Single((await GetAsync<RunRecordsPage>(host, "/api/history/runs")).Runs).ExecutionId);
    }
}
