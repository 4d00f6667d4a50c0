using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SutWeb.Notifications.Rules;

public static class NotificationRulesServiceCollectionExtensions
{
    /// <summary>
    /// The rules' settings (validated on start) and, when <c>Notifications:Rules</c> names any, the service that judges
    /// the board: only then is an <see cref="INotificationOutbox"/> needed. With no rule nothing runs.
    /// </summary>
    public static IServiceCollection AddNotificationRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNotificationOptions(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationRulesValidator>());
        if (!configuration.GetSection(NotificationOptions.Section).GetSection(nameof(NotificationOptions.Rules)).GetChildren().Any())
        {
            return services;
        }
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NotificationRulesStatus>();
        services.AddHostedService<NotificationRulesService>();
        return services;
    }
}
