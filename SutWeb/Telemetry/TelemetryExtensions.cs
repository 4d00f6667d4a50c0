using Microsoft.AspNetCore.Components.Server.Circuits;
using OpenTelemetry.Metrics;

namespace SutWeb.Telemetry;

public static class TelemetryExtensions
{
    private const int MetricTagCombinationsLimit = 200;

    /// <summary>SutWeb's meter plus ASP.NET Core, Kestrel, SignalR and runtime metrics, exportable to Prometheus.</summary>
    public static IServiceCollection AddSutWebTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<SutWebMetrics>();
        services.AddScoped<CircuitHandler, CircuitCountingHandler>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SutWebMetrics.MeterName)
            // ASP.NET Core's own meters too: hosting, Kestrel, SignalR connections and Blazor circuits.
            .AddAspNetCoreInstrumentation()
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
