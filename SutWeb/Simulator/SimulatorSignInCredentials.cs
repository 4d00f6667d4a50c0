using Microsoft.Extensions.Options;
using SutWeb.Eggplant;

namespace SutWeb.Simulator;

/// <summary>
/// With no <c>Eggplant:BaseUrl</c> the client polls the embedded simulator, and signs in with the simulator's own
/// credentials whatever else is configured: a password or client secret meant for a real server (a user-secret, say)
/// must neither break the demo nor be sent anywhere. <see cref="IgnoredCredentialsNotice"/> says when one is ignored.
/// </summary>
internal sealed class SimulatorSignInCredentials(IOptions<SimulatorOptions> simulator) : IPostConfigureOptions<EggplantOptions>
{
    public const string Username = "sutweb";

    public void PostConfigure(string? name, EggplantOptions options)
    {
        if (!options.UsesSimulator)
        {
            return;
        }
        options.Username = Username;
        options.Password = simulator.Value.Password;
        options.TokenUrl = null;
        options.ClientId = null;
        options.ClientSecret = null;
    }
}
