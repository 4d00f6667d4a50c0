using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SutWeb.Configuration;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Simulator;

/// <summary>
/// <c>Simulator:Instances</c>: one more simulator per id under <c>/simulator/{id}/</c>, with the default one's agent
/// names but state of its own, and ids that could not name a source refused at start.
/// </summary>
public sealed class SimulatorInstancesTests
{
    private static Dictionary<string, string?> WithInstance(string id = "lab-b") => new() { ["Simulator:Instances:0"] = id };

    [Fact]
    public async Task Instance_SameAgentNamesButItsOwnFaultAndCounters()
    {
        await using var host = await SutWebHost.StartAsync(WithInstance());
        var labB = host.SimulatorInstance("lab-b");
        await host.SetActivityAsync(false);
        await labB.SetActivityAsync(false);

        await labB.SetFaultAsync("http500");
        var labBBefore = await labB.GetStatsAsync();
        using var faulted = await SignInAsync(host, "simulator/lab-b/");
        using var healthy = await SignInAsync(host, "simulator/");

        Assert.Equal(
            (await host.Simulator.AgentsAsync()).Select(a => (string?)a!["agent_name"]).Order(),
            (await labB.AgentsAsync()).Select(a => (string?)a!["agent_name"]).Order());
        Assert.Equal(HttpStatusCode.InternalServerError, faulted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal(labBBefore.AuthRequests + 1, (await labB.GetStatsAsync()).AuthRequests);
    }

    [Fact]
    public async Task Instance_AgentPutOnOne_IsNotOnTheOther()
    {
        await using var host = await SutWebHost.StartAsync(WithInstance());

        await host.SimulatorInstance("lab-b").PutAgentAsync("only-on-lab-b", new JsonObject { ["port"] = 5400 });

        Assert.Contains(await host.SimulatorInstance("lab-b").AgentsAsync(), a => (string?)a!["agent_name"] == "only-on-lab-b");
        Assert.DoesNotContain(await host.Simulator.AgentsAsync(), a => (string?)a!["agent_name"] == "only-on-lab-b");
    }

    [Fact]
    public async Task Instance_TokenOfTheDefaultSimulator_IsRejectedByTheInstance()
    {
        await using var host = await SutWebHost.StartAsync(WithInstance());
        using var signIn = await SignInAsync(host, "simulator/");
        var token = (string)(await signIn.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;

        using var own = await StatusAsync(host, "simulator/", token);
        using var other = await StatusAsync(host, "simulator/lab-b/", token);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task Instance_NotConfigured_IsNotServed()
    {
        await using var host = await SutWebHost.StartAsync(WithInstance());

        using var response = await host.Http.GetAsync("simulator/lab-c/control/stats");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void UnknownSettings_Instances_AreKnownSettings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:Instances:0"] = "lab-b",
            ["Simulator:Instances:1"] = "lab-c",
        }).Build();

        Assert.Empty(UnknownSettingsReport.Find(configuration));
    }

    [Fact]
    public async Task Start_OnlyEggplantSources_ServesNoSimulator()
    {
        // Nothing listens on the discard port of loopback: the poller fails quietly, which this test does not look at.
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:Sources:lab-a:BaseUrl"] = "http://127.0.0.1:9/",
            ["Eggplant:Sources:lab-a:Username"] = "me",
            ["Eggplant:Sources:lab-a:Password"] = "lab-a-password",
        });

        using var response = await SignInAsync(host, "simulator/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("Lab_B", "Simulator:Instances:0 is 'Lab_B', which is not a valid source id")]
    [InlineData("default", "Simulator:Instances:0 is 'default'")]
    [InlineData("control", "Simulator:Instances:0 is 'control', a path of the simulator's own API")]
    [InlineData("oauth", "Simulator:Instances:0 is 'oauth', a path of the simulator's own API")]
    public async Task Start_InstanceIdThatCannotBeASource_IsRefusedNamingTheSetting(string id, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SutWebHost.StartAsync(WithInstance(id)));

        Assert.StartsWith(message, Assert.Single(StartupErrors.Describe(error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SameInstanceTwice_IsRefusedNamingBothSettings()
    {
        var settings = WithInstance();
        settings["Simulator:Instances:1"] = "lab-b";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SutWebHost.StartAsync(settings));

        Assert.StartsWith("Simulator:Instances:1 repeats 'lab-b', which Simulator:Instances:0 already names",
            Assert.Single(StartupErrors.Describe(error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InstanceAlsoAConfiguredSource_IsRefusedNamingBothSettingsAndNoSecret()
    {
        var settings = WithInstance();
        settings["Eggplant:Sources:lab-b:BaseUrl"] = "http://127.0.0.1:9/";
        settings["Eggplant:Sources:lab-b:Username"] = "me";
        settings["Eggplant:Sources:lab-b:Password"] = "lab-b-password";
        settings["Simulator:AllowBesideRealServer"] = "true";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SutWebHost.StartAsync(settings));

        var message = Assert.Single(StartupErrors.Describe(error));
        Assert.StartsWith("Simulator:Instances:0 and Eggplant:Sources:lab-b both name the source 'lab-b'", message, StringComparison.Ordinal);
        Assert.DoesNotContain("lab-b-password", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InstancesWithTheSimulatorDisabled_IsRefusedNamingBothSettings()
    {
        var settings = WithInstance();
        settings["Simulator:Enabled"] = "false";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SutWebHost.StartAsync(settings));

        var message = Assert.Single(StartupErrors.Describe(error));
        Assert.Contains("Simulator:Instances", message, StringComparison.Ordinal);
        Assert.Contains("Simulator:Enabled is false", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InstancesBesideARealServer_AreRefusedUnlessAllowed()
    {
        var settings = WithInstance();
        settings["Eggplant:BaseUrl"] = "http://127.0.0.1:9/";
        settings["Eggplant:Username"] = "me";
        settings["Eggplant:Password"] = "real-password";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SutWebHost.StartAsync(settings));
        settings["Simulator:AllowBesideRealServer"] = "true";
        await using var host = await SutWebHost.StartAsync(settings);
        using var response = await SignInAsync(host, "simulator/lab-b/");

        Assert.StartsWith("Simulator:Instances is set while Eggplant:BaseUrl names a real Eggplant server",
            Assert.Single(StartupErrors.Describe(error)), StringComparison.Ordinal);
        Assert.Contains("Simulator:AllowBesideRealServer=true", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<HttpResponseMessage> SignInAsync(SutWebHost host, string simulator) =>
        host.Http.PostAsync($"{simulator}auth", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "tester",
            ["password"] = "simulator",
        }));

    private static async Task<HttpResponseMessage> StatusAsync(SutWebHost host, string simulator, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{simulator}api/sut/status");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Http.SendAsync(request);
    }
}
