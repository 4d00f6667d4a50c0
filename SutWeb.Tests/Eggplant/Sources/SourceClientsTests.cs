using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Eggplant;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Eggplant.Sources;

/// <summary>
/// Each source gets its own client, token and circuit breaker against its own server: the keyed clients its poller
/// uses, called directly.
/// </summary>
public sealed class SourceClientsTests
{
    [Fact]
    public async Task KeyedClient_SecondSource_SignsInToAndReadsItsOwnServer()
    {
        await using var servers = await TwoScriptedSources.StartAsync(displayName: null);
        servers.Second.AnswerStatus(Encoding.UTF8.GetBytes("""[{"agent_name":"lab-only","port":1,"process_id":1}]"""));
        await using var host = await SutWebHost.StartAsync(WithLabACircuit(servers));

        var payload = await host.Services.GetRequiredKeyedService<EggplantClient>("lab-a").GetStatusPayloadAsync(CancellationToken.None);

        Assert.Contains("lab-only", Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
        // One sign-in: the call shares the token of lab-a's poller, and the first server's token is not used.
        Assert.Equal(1, servers.Second.AuthRequests);
    }

    [Fact]
    public async Task KeyedClient_SecondSourceCircuitOpens_DefaultSourceStillAnswers()
    {
        await using var servers = await TwoScriptedSources.StartAsync(displayName: null);
        servers.Second.AnswerStatus([], HttpStatusCode.InternalServerError);
        await using var host = await SutWebHost.StartAsync(WithLabACircuit(servers));
        var lab = host.Services.GetRequiredKeyedService<EggplantClient>("lab-a");

        // lab-a's poller fails too: the circuit opens after the first failed try, whichever makes it.
        await Eventually.UntilAsync(async () =>
            (await Assert.ThrowsAsync<EggplantException>(() => lab.GetStatusPayloadAsync(CancellationToken.None))).Kind == UpstreamFailureKind.CircuitOpen,
            "lab-a's circuit opens");
        using var scope = host.Services.CreateScope();
        var payload = await scope.ServiceProvider.GetRequiredService<EggplantClient>().GetStatusPayloadAsync(CancellationToken.None);

        Assert.Equal("[]", Encoding.UTF8.GetString(payload));
    }

    /// <summary>lab-a's circuit opens at its first failure and stays open for the test.</summary>
    private static Dictionary<string, string?> WithLabACircuit(TwoScriptedSources servers) => servers.Settings(new()
    {
        ["Eggplant:Sources:lab-a:RetryCount"] = "0",
        ["Eggplant:Sources:lab-a:CircuitBreakerFailures"] = "1",
        ["Eggplant:Sources:lab-a:CircuitBreakDuration"] = "00:10:00",
    });
}
