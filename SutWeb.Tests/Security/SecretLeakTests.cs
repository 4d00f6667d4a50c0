using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Eggplant;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Security;

/// <summary>No password or token may reach a page, a hub message or a log line.</summary>
public sealed class SecretLeakTests
{
    private const string Password = "Pa55-w0rd-never-shown";

    [Fact]
    public async Task Secrets_PageHubAndLog_ContainNeitherPasswordNorToken()
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:Password"] = Password,
            ["Eggplant:Password"] = Password,
        });
        await Eventually.UntilAsync(() => host.Board.Current.Version > 0, "the first poll is on the board");
        await using var probe = await HubProbe.ConnectAsync(host.BaseAddress);
        await host.PutAgentAsync("secret-probe", new JsonObject { ["agent_name"] = "secret-probe", ["process_id"] = 0 });
        await Eventually.UntilAsync(() => probe.Diffs.Any(d => d.Upserted.Any(a => a.AgentName == "secret-probe")), "a diff reached the client");
        // A token expiry and renewal, so that more than one token has been live.
        await host.SetFaultAsync("unauthorized");
        await Eventually.UntilAsync(() => probe.Healths.Any(h => h.State == SutWeb.Shared.Views.UpstreamState.Unauthorized), "a rejected token");
        await host.SetFaultAsync("none");
        var token = await host.Services.GetRequiredService<EggplantTokenProvider>().GetTokenAsync(CancellationToken.None);

        var page = await host.Http.GetStringAsync("/");
        var hubTraffic = string.Join('\n', probe.RawMessages);
        var log = host.Logs.AllText;

        Assert.Contains("secret-probe", hubTraffic);
        Assert.NotEmpty(log);
        foreach (var secret in new[] { Password, token })
        {
            Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, hubTraffic, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        }
    }
}
