using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SutWeb.History;
using SutWeb.Operators.Audit;

namespace SutWeb.Operators;

public static class OperatorServiceCollectionExtensions
{
    /// <summary>
    /// Operator keys (<c>Security:OperatorKeys</c>, validated on start) as the bearer scheme, the
    /// <see cref="OperatorClaims.Policy"/> policy over every operator scheme (<see cref="OperatorAuthenticationOptions"/>)
    /// and the default one, the abort action (<see cref="IRunAborter"/>) with its rate limit, and the audit trail: in the
    /// history database, or in memory with <c>History:Provider=None</c>. Call after <c>AddSutWebSecurity</c>.
    /// </summary>
    public static IServiceCollection AddOperators(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OperatorKeyOptions>().Bind(configuration.GetSection(OperatorKeyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OperatorKeyOptions>, OperatorKeyOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OperatorKeyring>();
        services.AddSingleton<OperatorRateLimiter>();
        services.AddSingleton<IRunAborter, RunAborter>();
        if (configuration.GetSection(HistoryOptions.Section).GetValue<HistoryProvider?>(nameof(HistoryOptions.Provider)) == HistoryProvider.None)
        {
            services.AddSingleton<IAuditTrail, MemoryAuditTrail>();
        }
        else
        {
            services.AddSingleton<IAuditTrail, DatabaseAuditTrail>();
        }
        services.AddHostedService<OperatorsStartupReport>();

        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, OperatorKeyAuthenticationHandler>(OperatorKeyDefaults.Scheme, null);
        services.AddOptions<OperatorAuthenticationOptions>();
        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>()
            .Configure<IOptions<OperatorAuthenticationOptions>, IOptions<AuthenticationOptions>>((authorization, operators, authentication) =>
            {
                // The default scheme too, so that a sign-in whose cookie the default scheme reads counts as well.
                var schemes = operators.Value.Schemes
                    .Append(authentication.Value.DefaultAuthenticateScheme ?? authentication.Value.DefaultScheme)
                    .OfType<string>()
                    .Distinct(StringComparer.Ordinal)
                    .ToArray();
                authorization.AddPolicy(OperatorClaims.Policy, policy => policy
                    .AddAuthenticationSchemes(schemes)
                    .RequireClaim(OperatorClaims.Operator, "true"));
            });
        return services;
    }
}
