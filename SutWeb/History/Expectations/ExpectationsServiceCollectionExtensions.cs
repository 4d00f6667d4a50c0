namespace SutWeb.History.Expectations;

public static class ExpectationsServiceCollectionExtensions
{
    /// <summary>Usual durations and track records for the live board, loaded in the background (with a history database only).</summary>
    public static IServiceCollection AddHistoryExpectations(this IServiceCollection services)
    {
        services.AddSingleton(_ => new RunExpectations());
        services.AddSingleton<ExpectationQueries>();
        services.AddHostedService<RunExpectationsLoader>();
        return services;
    }
}
