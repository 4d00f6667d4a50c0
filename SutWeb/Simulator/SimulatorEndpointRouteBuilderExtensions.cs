namespace SutWeb.Simulator;

public static class SimulatorEndpointRouteBuilderExtensions
{
    public const string PathPrefix = "/simulator";

    /// <summary>
    /// Serves the simulator under <c>/simulator</c>, and each <c>Simulator:Instances</c> entry under
    /// <c>/simulator/{id}</c>: the Eggplant AI API and the control API (docs/API.md section 2). Nothing under the prefix
    /// exists unless this is called.
    /// </summary>
    public static IEndpointRouteBuilder MapEggplantSimulator(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints.MapGroup(PathPrefix));
        // The ids AddEggplantSimulator registered, read from the same configuration.
        foreach (var id in SimulatorInstances.Usable(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            Map(endpoints.MapGroup($"{PathPrefix}/{id}").WithMetadata(new SimulatorInstanceMetadata(id)));
        }
        return endpoints;
    }

    private static void Map(RouteGroupBuilder group)
    {
        // Eggplant clients post plain forms without antiforgery tokens.
        var bodies = new SimulatorRequestBodyFilter();
        var simulator = group.DisableAntiforgery().WithMetadata(bodies).AddEndpointFilter(bodies);
        // The Eggplant API has its own sign-in, as a real server's; the control API needs the access key.
        SimulatorApiEndpoints.Map(simulator.MapGroup("").AllowAnonymous());
        SimulatorControlEndpoints.Map(simulator);
    }
}
