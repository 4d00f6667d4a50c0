namespace SutWeb.Simulator;

public static class SimulatorEndpointRouteBuilderExtensions
{
    public const string PathPrefix = "/simulator";

    /// <summary>
    /// Serves the simulator under <c>/simulator</c>: the Eggplant AI API and the control API
    /// (docs/API.md section 2). Nothing under the prefix exists unless this is called.
    /// </summary>
    public static IEndpointRouteBuilder MapEggplantSimulator(this IEndpointRouteBuilder endpoints)
    {
        // Eggplant clients post plain forms without antiforgery tokens.
        var bodies = new SimulatorRequestBodyFilter();
        var simulator = endpoints.MapGroup(PathPrefix).DisableAntiforgery().WithMetadata(bodies).AddEndpointFilter(bodies);
        // The Eggplant API has its own sign-in, as a real server's; the control API needs the access key.
        SimulatorApiEndpoints.Map(simulator.MapGroup("").AllowAnonymous());
        SimulatorControlEndpoints.Map(simulator);
        return endpoints;
    }
}
