using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SutWeb.Eggplant;

public static class EggplantServiceCollectionExtensions
{
    /// <summary>The Eggplant client: options validated on start, token provider, Polly policies and the typed client.</summary>
    public static IServiceCollection AddEggplantClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EggplantOptions>().Bind(configuration.GetSection(EggplantOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EggplantOptions>, EggplantOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EggplantEndpoints>();
        services.AddSingleton<EggplantTokenProvider>();
        services.AddSingleton<EggplantResiliencePolicies>();
        services.AddTransient<BearerTokenHandler>();

        services.AddHttpClient(EggplantTokenProvider.HttpClientName, (provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptions<EggplantOptions>>().Value.RequestTimeout)
            .RedactLoggedHeaders(_ => true);

        // Per-try timeouts come from Polly; the client itself must not cut a poll's retries short.
        services.AddHttpClient<EggplantClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddPolicyHandler((provider, _) => provider.GetRequiredService<EggplantResiliencePolicies>().Retry)
            .AddPolicyHandler((provider, _) => provider.GetRequiredService<EggplantResiliencePolicies>().CircuitBreaker)
            .AddPolicyHandler((provider, _) => provider.GetRequiredService<EggplantResiliencePolicies>().Timeout)
            .AddHttpMessageHandler<BearerTokenHandler>()
            .RedactLoggedHeaders(_ => true);
        return services;
    }
}
