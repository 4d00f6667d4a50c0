using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SutWeb.History.Expectations;
using SutWeb.Monitoring;
using SutWeb.ScaleOut;

namespace SutWeb.History;

public static class HistoryServiceCollectionExtensions
{
    /// <summary>
    /// History's settings (validated on start) and, unless <c>History:Provider</c> is None, the database, the recorder,
    /// the writer, retention, the <c>history</c> readiness check and <see cref="HistoryQueries"/> for the API and pages.
    /// </summary>
    public static IServiceCollection AddHistory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HistoryOptions>()
            .Bind(configuration.GetSection(HistoryOptions.Section))
            .Configure(o => o.ConnectionString = configuration.GetConnectionString(HistoryOptions.ConnectionStringName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<HistoryOptions>, HistoryOptionsValidator>();
        if (configuration.GetSection(HistoryOptions.Section).GetValue<HistoryProvider?>(nameof(HistoryOptions.Provider)) == HistoryProvider.None)
        {
            return services;
        }
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HistoryDatabase>();
        services.AddSingleton<HistoryStore>();
        services.AddSingleton<HistoryQueries>();
        services.AddSingleton<HistoryStatus>();
        services.AddSingleton(provider => new PendingWrites(provider.GetRequiredService<IOptions<HistoryOptions>>().Value.MaxPendingWrites));
        services.AddSingleton<HistoryMetrics>();
        services.AddHostedService<HistoryWriter>();
        // Every replica writes (audit, deliveries); only the leader records the board and prunes.
        services.AddLeaderOnlyHostedService<HistoryRecorder>();
        services.AddLeaderOnlyHostedService<HistoryPruner>();
        services.AddHistoryExpectations();
        services.AddHealthChecks().AddCheck<HistoryReadinessCheck>(HistoryReadinessCheck.Name, tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
