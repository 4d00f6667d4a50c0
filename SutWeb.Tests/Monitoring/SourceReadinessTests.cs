using System.Net;
using System.Text;
using System.Text.Json;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Monitoring;

/// <summary>
/// <c>/readyz</c> with two sources: ready while both are fresh, still ready (200, Degraded) naming the one that is not,
/// unready only when neither is: one lab down must not make a load balancer drop the replica.
/// </summary>
public sealed class SourceReadinessTests
{
    private static readonly byte[] Agents = Encoding.UTF8.GetBytes("""[{"agent_name":"mac","port":5400,"process_id":1}]""");

    [Fact]
    public async Task Readyz_OneOfTwoSourcesFails_StaysReadyAsDegradedUntilBothFail()
    {
        await using var servers = await TwoScriptedSources.StartAsync(Agents);
        await using var host = await SutWebHost.StartAsync(servers.Settings(new()
        {
            ["Eggplant:Sources:lab-a:PollInterval"] = "00:00:00.500",
            ["Eggplant:RetryCount"] = "0",
        }));
        await Eventually.UntilAsync(() => host.Board.Current.Health is { State: UpstreamState.Healthy, Sources.Count: 2 }, "both sources healthy");
        var (bothStatus, both) = await ReadyzAsync(host);

        servers.Second.AnswerStatus([], HttpStatusCode.ServiceUnavailable);
        await Eventually.UntilAsync(async () => (await ReadyzAsync(host)).Body.GetProperty("status").GetString() == "Degraded", "lab-a is no longer fresh");
        var (oneStatus, one) = await ReadyzAsync(host);

        servers.First.AnswerStatus([], HttpStatusCode.ServiceUnavailable);
        await Eventually.UntilAsync(async () => (await ReadyzAsync(host)).Status == HttpStatusCode.ServiceUnavailable, "neither source is fresh");
        var (_, none) = await ReadyzAsync(host);

        Assert.Equal(HttpStatusCode.OK, bothStatus);
        Assert.Equal("Healthy", both.GetProperty("status").GetString());
        var sources = Check(both).GetProperty("data").GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(["default", "lab-a"], sources.Select(s => s.GetProperty("source").GetString()));
        Assert.All(sources, s => Assert.True(s.GetProperty("fresh").GetBoolean()));
        Assert.All(sources, s => Assert.NotNull(s.GetProperty("lastSuccessAt").GetString()));
        Assert.Equal([0.25, 0.5], sources.Select(s => s.GetProperty("pollInterval").GetDouble()));

        Assert.Equal(HttpStatusCode.OK, oneStatus);
        Assert.StartsWith("Lab A: The Eggplant server of Lab A answered 503", Check(one).GetProperty("description").GetString(), StringComparison.Ordinal);
        var labA = Check(one).GetProperty("data").GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "lab-a");
        Assert.False(labA.GetProperty("fresh").GetBoolean());
        Assert.NotEqual("Healthy", labA.GetProperty("state").GetString());

        Assert.Equal("Unhealthy", none.GetProperty("status").GetString());
    }

    private static JsonElement Check(JsonElement body) => body.GetProperty("checks").GetProperty("eggplant-upstream");

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyzAsync(SutWebHost host)
    {
        using var response = await host.Http.GetAsync("/readyz");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
