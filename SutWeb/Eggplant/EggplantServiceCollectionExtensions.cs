using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SutWeb.Eggplant.Sources;

namespace SutWeb.Eggplant;

public static class EggplantServiceCollectionExtensions
{
    /// <summary>The Eggplant client: options validated on start, token provider, Polly policies and the typed client.</summary>
    public static IServiceCollection AddEggplantClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EggplantOptions>().Bind(configuration.GetSection(EggplantOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EggplantOptions>, EggplantOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        // The source default, whose unkeyed services below name it in their messages as they always did.
        services.AddSingleton(provider => EggplantSource.Default(provider.GetRequiredService<IOptions<EggplantOptions>>().Value));
        services.AddSingleton<EggplantEndpoints>();
        services.AddSingleton<SignInBackoff>();
        services.AddSingleton<EggplantTokenProvider>();
        services.AddSingleton<EggplantResiliencePolicies>();
        services.AddTransient<BearerTokenHandler>();

        services.AddHostedService<InsecureTransportWarning>();
        services.AddEggplantSources(configuration);

        // Time is bounded by each exchange's deadline on the TimeProvider (EggplantClient, EggplantTokenProvider),
        // which covers the body too; HttpClient.Timeout would not, and would not follow a test's clock.
        // Neither client follows redirects: a 3xx is an upstream error, so credentials never go to another host.
        services.AddHttpClient(EggplantTokenProvider.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(NoRedirects)
            .RedactLoggedHeaders(_ => true);

        services.AddHttpClient<EggplantClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(NoRedirects)
            .AddPolicyHandler((provider, request) => provider.GetRequiredService<EggplantResiliencePolicies>().RetryFor(request))
            .AddPolicyHandler((provider, _) => provider.GetRequiredService<EggplantResiliencePolicies>().CircuitBreaker)
            .AddHttpMessageHandler<BearerTokenHandler>()
            .RedactLoggedHeaders(_ => true);
        return services;
    }

    internal static SocketsHttpHandler NoRedirects() => new() { AllowAutoRedirect = false };
}
