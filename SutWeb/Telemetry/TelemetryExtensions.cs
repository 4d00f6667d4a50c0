using OpenTelemetry.Metrics;

namespace SutWeb.Telemetry;

public static class TelemetryExtensions
{
    private const int MetricTagCombinationsLimit = 200;

    /// <summary>Blazor's circuit metrics: <c>aspnetcore.components.circuit.active</c>, <c>.connected</c>, <c>.duration</c>.</summary>
    private const string BlazorCircuitsMeterName = "Microsoft.AspNetCore.Components.Server.Circuits";

    /// <summary>SutWeb's meter plus ASP.NET Core, Kestrel, SignalR, Blazor circuit and runtime metrics, exportable to Prometheus.</summary>
    public static IServiceCollection AddSutWebTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<SutWebMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SutWebMetrics.MeterName)
            // Created with the meter provider, before the first poll: it records outcomes as they happen.
            .AddInstrumentation(provider => provider.GetRequiredService<SutWebMetrics>())
            // ASP.NET Core's own meters too: hosting, Kestrel and SignalR connections.
            .AddAspNetCoreInstrumentation()
            // Open dashboard and wall pages, under Blazor's name: not to be confused with the upstream circuit breaker.
            .AddMeter(BlazorCircuitsMeterName)
            .AddRuntimeInstrumentation()
            // OpenTelemetry reserves room for 2,000 tag combinations per instrument up front (about 9 MiB over the
            // ~50 instruments here); SutWeb's instruments have a few dozen at most (route × method × status).
            .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = MetricTagCombinationsLimit })
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Prometheus scrapes <c>/metrics</c> (behind the access key when one is set).</summary>
    public static IEndpointRouteBuilder MapSutWebMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint("/metrics");
        return endpoints;
    }
}
