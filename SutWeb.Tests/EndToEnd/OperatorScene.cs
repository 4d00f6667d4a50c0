using System.Security.Claims;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;
using SutWeb.Tests.TestSupport.Oidc;

namespace SutWeb.Tests.EndToEnd;

/// <summary>
/// The real test OpenID Connect provider and a SutWeb that signs operators in through it, with one running agent on a
/// quiet simulator (its run has a process id, so the real aborter can end it). olivia carries the operator role; victor signs in without it.
/// </summary>
internal sealed class OperatorScene : IAsyncDisposable
{
    public const string Operator = "olivia";
    public const string Viewer = "victor";
    public const string RunningAgent = "running-agent";
    public const string RunningKey = "running-agent:5401";

    private OperatorScene(OidcProvider oidc, SutWebHost host)
    {
        Oidc = oidc;
        Host = host;
    }

    public OidcProvider Oidc { get; }

    public SutWebHost Host { get; }

    /// <param name="accessKey">Also sets Security:AccessKey; the host's own HttpClient then sends it.</param>
    public static async Task<OperatorScene> StartAsync(string? accessKey = null)
    {
        var oidc = await OidcProvider.StartAsync(new OidcProviderOptions
        {
            ClientId = "sutweb",
            ClientSecret = "test-client-secret",
            Users =
            [
                new OidcUser(Operator, "olivia@example.test") { Claims = [new Claim("roles", "sutweb-operator")] },
                new OidcUser(Viewer, "victor@example.test"),
            ],
        });
        var settings = new Dictionary<string, string?>
        {
            ["Simulator:AgentCount"] = "0",
            ["Security:Oidc:Authority"] = oidc.Authority,
            ["Security:Oidc:ClientId"] = "sutweb",
            ["Security:Oidc:ClientSecret"] = "test-client-secret",
            ["Security:Oidc:OperatorClaimType"] = "roles",
            ["Security:Oidc:OperatorClaimValue"] = "sutweb-operator",
        };
        if (accessKey is not null)
        {
            settings["Security:AccessKey"] = accessKey;
        }
        // The real aborter: an abort reaches the simulator, which ends the run as Incomplete and counts it.
        var host = await SutWebHost.StartAsync(settings);
        if (accessKey is not null)
        {
            host.Http.DefaultRequestHeaders.Add("X-SutWeb-Key", accessKey);
        }
        await oidc.AllowRelyingPartyAsync(host.BaseAddress.ToString());
        await host.SetActivityAsync(false);
        await host.PutAgentAsync(RunningAgent, WireAgents.Agent(RunningAgent, 5401, "Running", model: "CheckoutSmoke"));
        await Eventually.UntilAsync(
            () => host.Board.Current.Agents.Count == 1 && host.Board.Current.Health.State == UpstreamState.Healthy,
            "the board shows the running agent, healthy");
        return new OperatorScene(oidc, host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Oidc.DisposeAsync();
    }
}
