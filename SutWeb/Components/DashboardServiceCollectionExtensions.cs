using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SutWeb.Components.Feed;
using SutWeb.Components.Notifications;

namespace SutWeb.Components;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The desk dashboard's settings (validated on start), its per-circuit clock, and the one limit on "send test".</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<SecondTicker>();
        services.TryAddSingleton<ChannelTestLimiter>();
        return services;
    }
}
