namespace SutWeb.Simulator;

/// <summary>Whether this host serves the embedded simulator: as configured, else whenever no Eggplant server is.</summary>
public static class SimulatorActivation
{
    public static bool IsEnabled(IConfiguration configuration)
    {
        var configured = configuration["Simulator:Enabled"];
        if (bool.TryParse(configured, out var enabled))
        {
            return enabled;
        }
        return string.IsNullOrWhiteSpace(configuration["Eggplant:BaseUrl"]);
    }
}
