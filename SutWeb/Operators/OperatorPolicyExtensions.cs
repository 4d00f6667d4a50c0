using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SutWeb.Operators;

public static class OperatorPolicyExtensions
{
    /// <summary>
    /// Adds an authentication scheme that proves operators to <see cref="OperatorClaims.Policy"/>, and the policy itself
    /// once. With no operator scheme there is no policy: nothing that acts is mapped then.
    /// </summary>
    public static IServiceCollection AddOperatorScheme(this IServiceCollection services, string scheme)
    {
        services.Configure<OperatorSchemes>(schemes =>
        {
            if (!schemes.Names.Contains(scheme))
            {
                schemes.Names.Add(scheme);
            }
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<AuthorizationOptions>, OperatorPolicySetup>());
        return services;
    }

    /// <summary>Whether any operator scheme is registered (operator sign-in or operator keys).</summary>
    public static bool HasOperatorSchemes(this IServiceProvider services) =>
        services.GetService<IOptions<OperatorSchemes>>()?.Value.Names.Count > 0;
}
