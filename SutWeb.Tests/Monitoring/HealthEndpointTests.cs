using System.Net;
using System.Text.Json;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Monitoring;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_ProcessAlive_AnswersHealthy()
    {
        await using var host = await SutWebHost.StartAsync();

        using var response = await host.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_FollowsTheLastPollWithoutSecrets()
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:RetryCount"] = "0",
            ["Simulator:Password"] = "readyz-secret-password",
            ["Eggplant:Password"] = "readyz-secret-password",
        });
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "healthy");

        using var ready = await host.Http.GetAsync("/readyz");
        var readyBody = await ready.Content.ReadAsStringAsync();
        await host.SetFaultAsync("http500");
        await Eventually.UntilAsync(() => host.Board.Current.Health.State != UpstreamState.Healthy, "the fault is seen");
        using var notReady = await host.Http.GetAsync("/readyz");
        var notReadyBody = await notReady.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", JsonDocument.Parse(readyBody).RootElement.GetProperty("status").GetString());
        Assert.Contains("The last poll of the embedded simulator succeeded recently.", readyBody);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Contains("500", notReadyBody);
        Assert.DoesNotContain("readyz-secret-password", readyBody + notReadyBody);
    }
}
