using Microsoft.Extensions.Options;

namespace SutWeb.Security;

public static partial class SecurityExtensions
{
    public static IServiceCollection AddSutWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        return services;
    }

    /// <summary>Security headers on every answer, then the access key check (after routing, so it knows static assets).</summary>
    public static WebApplication UseSutWebSecurity(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (!options.RequiresKey)
        {
            LogOpenToAnyone(app.Logger);
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRouting();
        app.UseMiddleware<AccessKeyMiddleware>();
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Security:AccessKey is set: the dashboard, its hub and the health details are open to anyone who can reach this address")]
    private static partial void LogOpenToAnyone(ILogger logger);
}
