using SutWeb.Eggplant;

namespace SutWeb.Simulator;

/// <summary>
/// Says once at start which real-server credentials are set but ignored because no <c>Eggplant:BaseUrl</c> is, so
/// that someone who meant to watch a real server learns why the board shows the simulator. Names the settings only,
/// never their values. Reads the raw configuration: the options have the simulator's credentials by then.
/// </summary>
internal sealed partial class IgnoredCredentialsNotice(IConfiguration configuration, ILogger<IgnoredCredentialsNotice> logger) : IHostedService
{
    private static readonly string[] Credentials =
    [
        nameof(EggplantOptions.Username),
        nameof(EggplantOptions.Password),
        nameof(EggplantOptions.TokenUrl),
        nameof(EggplantOptions.ClientId),
        nameof(EggplantOptions.ClientSecret),
    ];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var eggplant = configuration.GetSection(EggplantOptions.Section);
        if (!string.IsNullOrWhiteSpace(eggplant[nameof(EggplantOptions.BaseUrl)]))
        {
            return Task.CompletedTask;
        }
        var ignored = Credentials.Where(key => !string.IsNullOrEmpty(eggplant[key])).Select(key => $"{EggplantOptions.Section}:{key}").ToList();
        if (ignored.Count > 0)
        {
            LogIgnored(logger, string.Join(", ", ignored), ignored.Count == 1 ? "is" : "are");
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Settings} {Verb} set but Eggplant:BaseUrl is not: polling the embedded simulator; set Eggplant:BaseUrl to use a real server")]
    private static partial void LogIgnored(ILogger logger, string settings, string verb);
}
