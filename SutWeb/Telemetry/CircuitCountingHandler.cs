using Microsoft.AspNetCore.Components.Server.Circuits;

namespace SutWeb.Telemetry;

/// <summary>Counts open Blazor circuits: each is a dashboard or wall page holding server memory.</summary>
public sealed class CircuitCountingHandler(SutWebMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
