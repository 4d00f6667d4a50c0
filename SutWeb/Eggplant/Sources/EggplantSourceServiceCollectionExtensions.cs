using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace SutWeb.Eggplant.Sources;

public static class EggplantSourceServiceCollectionExtensions
{
    /// <summary>The name of a source's status client; its sign-in client is <see cref="AuthClientName"/>.</summary>
    public static string StatusClientName(string id) => $"Eggplant:{id}";

    public static string AuthClientName(string id) => $"{EggplantTokenProvider.HttpClientName}:{id}";

    /// <summary>
    /// For every source but <c>default</c> (whose services <see cref="EggplantServiceCollectionExtensions.AddEggplantClient"/>
    /// registers unkeyed, as before sources existed): its own endpoints, sign-in back-off, token, Polly policies and
    /// circuit breaker, and named HTTP clients, keyed by the source id, so that nothing of one server (its token, its
    /// breaker's count, its credentials) reaches another. <see cref="EggplantClient"/> is keyed too, one per use.
    /// </summary>
    public static IServiceCollection AddEggplantSources(this IServiceCollection services, IConfiguration configuration)
    {
        // Bound here as well as by the options system: the set of sources decides what is registered. A bad value
        // fails this bind with the binder's message, which StartupErrors turns into one naming the setting.
        var flat = configuration.GetSection(EggplantOptions.Section).Get<EggplantOptions>() ?? new EggplantOptions();
        // The binder skips a dictionary entry it cannot convert (Sources:lab-a:PollInterval=banana) without a word, and the
        // source would silently run on the inherited value: bound on its own, the entry fails as a flat setting does.
        foreach (var entry in configuration.GetSection($"{EggplantOptions.Section}:{nameof(EggplantOptions.Sources)}").GetChildren())
        {
            entry.Get<EggplantSourceSettings>();
        }
        foreach (var source in EggplantSources.Resolve(flat).Where(s => !s.IsDefault))
        {
            services.AddEggplantSource(source);
        }
        return services;
    }

    /// <summary>The service <typeparamref name="T"/> of <paramref name="source"/>: unkeyed for <c>default</c>, keyed by id otherwise.</summary>
    public static T GetSourceService<T>(this IServiceProvider provider, EggplantSource source) where T : notnull =>
        source.IsDefault ? provider.GetRequiredService<T>() : provider.GetRequiredKeyedService<T>(source.Id);

    /// <summary>
    /// One source's own services, keyed by its id (see <see cref="AddEggplantSources"/>); a poller is added for each
    /// by <c>AddAgentMonitoring</c>, which must come after. Simulator instances come in this way too.
    /// </summary>
    public static IServiceCollection AddEggplantSource(this IServiceCollection services, EggplantSource source)
    {
        var id = source.Id;
        var options = Options.Create(source.Options);
        services.AddKeyedSingleton(id, source);
        services.AddKeyedSingleton(id, (provider, _) =>
            new EggplantEndpoints(options, provider.GetRequiredService<IServer>(), source.SimulatorPath));
        services.AddKeyedSingleton(id, (provider, _) => new SignInBackoff(
            options, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<SignInBackoff>>(), source));
        services.AddKeyedSingleton(id, (provider, _) => new EggplantTokenProvider(
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredKeyedService<EggplantEndpoints>(id),
            provider.GetRequiredKeyedService<SignInBackoff>(id),
            source,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<EggplantTokenProvider>>(),
            AuthClientName(id)));
        services.AddKeyedSingleton(id, (provider, _) => new EggplantResiliencePolicies(
            source, provider.GetRequiredService<ILogger<EggplantResiliencePolicies>>()));

        services.AddHttpClient(AuthClientName(id), client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(EggplantServiceCollectionExtensions.NoRedirects)
            .RedactLoggedHeaders(_ => true);
        services.AddHttpClient(StatusClientName(id), client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(EggplantServiceCollectionExtensions.NoRedirects)
            .AddPolicyHandler((provider, request) => provider.GetRequiredKeyedService<EggplantResiliencePolicies>(id).RetryFor(request))
            .AddPolicyHandler((provider, _) => provider.GetRequiredKeyedService<EggplantResiliencePolicies>(id).CircuitBreaker)
            .AddHttpMessageHandler(provider => new BearerTokenHandler(provider.GetRequiredKeyedService<EggplantTokenProvider>(id)))
            .RedactLoggedHeaders(_ => true);
        services.AddKeyedTransient(id, (provider, _) => new EggplantClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(StatusClientName(id)),
            provider.GetRequiredKeyedService<EggplantEndpoints>(id),
            source,
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
