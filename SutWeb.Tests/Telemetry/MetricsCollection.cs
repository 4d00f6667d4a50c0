using SutWeb.Tests.EndToEnd;

namespace SutWeb.Tests.Telemetry;

/// <summary>
/// Tests that read values from <c>/metrics</c> run alone: OpenTelemetry listens to every meter of a name in the
/// process, whichever host created it, so a host started by a test running in parallel would mix its polls, gauges and
/// circuits into the figures (a production process has one host). The browser is here for the circuit test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Metrics, alone in the process";
}
