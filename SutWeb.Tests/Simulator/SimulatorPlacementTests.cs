using System.Net;
using Microsoft.Extensions.Options;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Simulator;

/// <summary>A simulator switched on next to a real Eggplant server is refused at start unless asked for.</summary>
public sealed class SimulatorPlacementTests
{
    // Nothing listens on the discard port of loopback: the poller fails quietly, which these tests do not look at.
    private static Dictionary<string, string?> BesideRealServer(bool? allow) => new()
    {
        ["Simulator:Enabled"] = "true",
        ["Simulator:AllowBesideRealServer"] = allow?.ToString(),
        ["Eggplant:BaseUrl"] = "http://127.0.0.1:9/",
        ["Eggplant:Username"] = "me",
        ["Eggplant:Password"] = "real-password",
    };

    [Fact]
    public async Task Start_SimulatorEnabledBesideARealServer_IsRefusedNamingBothSettings()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SutWebHost.StartAsync(BesideRealServer(allow: null)));

        Assert.Contains("Simulator:Enabled", error.Message, StringComparison.Ordinal);
        Assert.Contains("Eggplant:BaseUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("Simulator:AllowBesideRealServer=true", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("real-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SimulatorBesideARealServerAllowed_ServesTheSimulator()
    {
        await using var host = await SutWebHost.StartAsync(BesideRealServer(allow: true));

        using var response = await host.Http.PostAsync("simulator/auth", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "tester",
            ["password"] = "simulator",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Start_RealServerWithoutSimulatorSetting_StartsWithoutTheSimulator()
    {
        var settings = BesideRealServer(allow: null);
        settings.Remove("Simulator:Enabled");

        await using var host = await SutWebHost.StartAsync(settings);

        using var response = await host.Http.PostAsync("simulator/auth", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
