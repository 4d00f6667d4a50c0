using System.Text.RegularExpressions;
using SutWeb.Tests.Telemetry;
using SutWeb.Tests.TestSupport;
using Xunit.Abstractions;

namespace SutWeb.Tests.EndToEnd;

/// <summary>
/// Open pages are Blazor circuits; <c>/metrics</c> counts them under Blazor's own name, which no one can take for the
/// circuit breaker to the Eggplant server.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class CircuitMetricsEndToEndTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Metrics_WithAWallOpen_CountsItsCircuitAsABlazorCircuit()
    {
        var chromium = browser.Require();
        await using var host = await SutWebHost.StartAsync();
        await using var session = await BrowserSession.OpenAsync(chromium, output);

        await session.Page.GotoAsync(new Uri(host.BaseAddress, "wall").ToString());
        await session.WaitForCircuitAsync();

        string metrics = "";
        await Eventually.UntilAsync(async () =>
        {
            metrics = await host.Http.GetStringAsync("/metrics");
            return Regex.IsMatch(metrics, @"^aspnetcore_components_circuit_active(\{[^}]*\})? 1\b", RegexOptions.Multiline);
        }, "the open wall is counted as one active Blazor circuit");
        Assert.Matches(new Regex(@"^aspnetcore_components_circuit_connected(\{[^}]*\})? 1\b", RegexOptions.Multiline), metrics);
        Assert.DoesNotContain("circuits_open", metrics);
    }
}
