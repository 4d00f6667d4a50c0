namespace SutWeb.Operators;

public static class OperatorPolicyExtensions
{
    /// <summary>
    /// Adds an authentication scheme that proves operators to <see cref="OperatorClaims.Policy"/> (which
    /// <see cref="OperatorServiceCollectionExtensions.AddOperators"/> defines over every such scheme).
    /// </summary>
    public static IServiceCollection AddOperatorScheme(this IServiceCollection services, string scheme)
    {
        services.Configure<OperatorAuthenticationOptions>(operators =>
        {
            if (!operators.Schemes.Contains(scheme))
            {
                operators.Schemes.Add(scheme);
            }
        });
        return services;
    }
}
