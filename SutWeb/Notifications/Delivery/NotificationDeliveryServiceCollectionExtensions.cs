using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SutWeb.History;
using SutWeb.Notifications.Channels;
using SutWeb.ScaleOut;

namespace SutWeb.Notifications.Delivery;

public static class NotificationDeliveryServiceCollectionExtensions
{
    /// <summary>
    /// The outbox (<see cref="INotificationOutbox"/>), kept in the history database or, with <c>History:Provider=None</c>,
    /// in memory; the dispatcher and its per-channel workers; the four channel senders, each channel with its own
    /// HTTP client; the channels' validation; <see cref="NotificationDeliveries"/> for the page. Without channels
    /// nothing runs.
    /// </summary>
    public static IServiceCollection AddNotificationDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNotificationOptions(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, ChannelOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SmtpCertificateValidation>();
        services.TryAddSingleton(new RetrySchedule());
        services.AddSingleton<HttpChannelPost>();
        services.AddSingleton<IChannelSender, WebhookSender>();
        services.AddSingleton<IChannelSender, SlackSender>();
        services.AddSingleton<IChannelSender, TeamsSender>();
        services.AddSingleton<IChannelSender, EmailSender>();
        services.AddSingleton<ChannelSenders>();
        services.AddSingleton<NotificationMetrics>();
        services.AddSingleton<DeliveryActivity>();
        services.AddSingleton<NotificationOutbox>();
        // Try: the rules' tests hand their messages to a recording outbox registered before this.
        services.TryAddSingleton<INotificationOutbox>(provider => provider.GetRequiredService<NotificationOutbox>());
        if (configuration.GetSection(HistoryOptions.Section).GetValue<HistoryProvider?>(nameof(HistoryOptions.Provider)) == HistoryProvider.None)
        {
            services.AddSingleton<IDeliveryStore, MemoryDeliveryStore>();
        }
        else
        {
            services.AddSingleton<IDeliveryStore, DatabaseDeliveryStore>();
        }
        services.AddSingleton<NotificationDeliveries>();
        services.AddLeaderOnlyHostedService<DeliveryDispatcher>();
        foreach (var channel in configuration.GetSection(NotificationOptions.Section).GetSection(nameof(NotificationOptions.Channels)).GetChildren())
        {
            services.AddChannelHttpClient(channel.Key);
        }
        return services;
    }
}
