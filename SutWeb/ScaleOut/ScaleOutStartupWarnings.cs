using SutWeb.Eggplant;
using SutWeb.History;
using SutWeb.Simulator;

namespace SutWeb.ScaleOut;

/// <summary>
/// What scale-out allows but does not keep across a failover, said once at start: no history (pending notifications
/// live in one replica's memory), and sources that are each replica's own embedded simulator (the new leader polls
/// its own, so the board's made-up agents change). Allowed so that a demo runs without PostgreSQL or an Eggplant server.
/// </summary>
public sealed partial class ScaleOutStartupWarnings(IConfiguration configuration, ILogger<ScaleOutStartupWarnings> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetSection(HistoryOptions.Section).GetValue<HistoryProvider?>(nameof(HistoryOptions.Provider)) == HistoryProvider.None)
        {
            LogNoHistory(logger);
        }
        var eggplant = configuration.GetSection(EggplantOptions.Section);
        var defaultIsSimulator = string.IsNullOrWhiteSpace(eggplant[nameof(EggplantOptions.BaseUrl)])
            && !eggplant.GetSection(nameof(EggplantOptions.Sources)).GetChildren().Any();
        if (defaultIsSimulator || SimulatorInstances.AnyConfigured(configuration))
        {
            LogOwnSimulator(logger, SimulatorInstances.Setting);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scale-out with History:Provider=None: history is not kept, and notifications "
        + "pending on the leader are lost when it fails over; set History:Provider=Postgres to keep both")]
    private static partial void LogNoHistory(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scale-out with the embedded simulator as a source (Eggplant:BaseUrl empty, or "
        + "{Instances}): each replica polls a simulator of its own while it leads, so the made-up agents change on every "
        + "failover; point Eggplant:BaseUrl at one Eggplant server (or at one replica's /simulator/)")]
    private static partial void LogOwnSimulator(ILogger logger, string instances);
}
