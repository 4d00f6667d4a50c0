using Microsoft.Extensions.Options;

namespace SutWeb.Notifications;

public static class NotificationOptionsRegistration
{
    /// <summary>
    /// Binds <see cref="NotificationOptions"/> to the "Notifications" section, validated on start, once however many
    /// parts (rules, delivery) call it: a second bind would add every list item (an email's <c>To</c>) twice.
    /// </summary>
    public static OptionsBuilder<NotificationOptions> AddNotificationOptions(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddOptions<NotificationOptions>();
        if (!services.Any(d => d.ServiceType == typeof(IOptionsChangeTokenSource<NotificationOptions>)))
        {
            builder.Bind(configuration.GetSection(NotificationOptions.Section)).ValidateOnStart();
        }
        return builder;
    }
}
