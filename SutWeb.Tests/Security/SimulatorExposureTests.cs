using System.Net;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Security;

public sealed class SimulatorExposureTests
{
    [Theory]
    [InlineData("simulator/control/agents")]
    [InlineData("simulator/control/stats")]
    [InlineData("simulator/api/sut/status")]
    public async Task Simulator_RealServerConfigured_AnswersNotFound(string path)
    {
        // A real Eggplant server: the simulator of another host stands in for it.
        await using var eggplant = await SutWebHost.StartAsync();
        await using var dashboard = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:BaseUrl"] = new Uri(eggplant.BaseAddress, "simulator/").ToString(),
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = "simulator",
        });
        await Eventually.UntilAsync(() => dashboard.Board.Current.Health.State == UpstreamState.Healthy, "the dashboard polls the other host");

        using var get = await dashboard.Http.GetAsync(path);
        using var post = await dashboard.Http.PostAsync(path, null);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(5, dashboard.Board.Current.Agents.Count);
    }
}
