using System.Text.Json.Nodes;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Deployment;

/// <summary>
/// The profiles of <c>dotnet run</c>: the default one stays on this machine, the <c>network</c> one that the README
/// gives for a TV in the team room listens on every interface and runs as a deployed SutWeb does.
/// </summary>
public sealed class LaunchSettingsTests
{
    private static readonly JsonNode Profiles = JsonNode.Parse(File.ReadAllText(Path.Combine(
        RepositoryRoot.Find() ?? throw new InvalidOperationException("SutWeb.sln not found above the tests."),
        "SutWeb", "Properties", "launchSettings.json")))!["profiles"]!;

    [Fact]
    public void Profiles_DefaultStaysOnThisMachine_NetworkListensOnEveryInterfaceAsProduction()
    {
        var http = Profiles["http"]!;
        var network = Profiles["network"]!;

        Assert.Equal("http://localhost:5080", (string?)http["applicationUrl"]);
        Assert.Equal("Development", (string?)http["environmentVariables"]!["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("http://0.0.0.0:5080", (string?)network["applicationUrl"]);
        // Not Development: no developer error pages for the whole network, and no user-secrets read by surprise.
        Assert.Equal("Production", (string?)network["environmentVariables"]!["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public async Task TwoSourcesProfile_OnThisMachine_ShowsTheSimulatorAndTheInstanceLabBWithTheSameAgentNames()
    {
        var profile = Profiles["two-sources"]!;
        // The profile's environment variables, as configuration reads them (Simulator__Instances__0 is Simulator:Instances:0).
        var settings = profile["environmentVariables"]!.AsObject()
            .Where(variable => variable.Key != "ASPNETCORE_ENVIRONMENT")
            .ToDictionary(variable => variable.Key.Replace("__", ":", StringComparison.Ordinal), variable => (string?)variable.Value);

        await using var host = await SutWebHost.StartAsync(settings);

        Assert.Equal("http://localhost:5080", (string?)profile["applicationUrl"]);
        Assert.Equal("Development", (string?)profile["environmentVariables"]!["ASPNETCORE_ENVIRONMENT"]);
        await Eventually.UntilAsync(() => host.Board.Current.Health.Sources?.Count == 2
            && host.Board.Current.Agents.Any(a => a.Source == "lab-b")
            && host.Board.Current.Agents.Any(a => a.Source == "default"), "both simulators are polled");
        var agents = host.Board.Current.Agents;
        Assert.NotEmpty(agents.Where(a => a.Source == "lab-b").Select(a => a.AgentName)
            .Intersect(agents.Where(a => a.Source == "default").Select(a => a.AgentName)));
    }
}
