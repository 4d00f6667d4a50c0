using Microsoft.AspNetCore.SignalR;
using SutWeb.Monitoring;
using SutWeb.Shared.Hub;

namespace SutWeb.Hubs;

/// <summary>Forwards every board update to all hub clients; SignalR serialises each message once per protocol.</summary>
public sealed partial class StatusHubBroadcaster(
    AgentBoard board,
    IHubContext<StatusHub, IStatusClient> hub,
    ILogger<StatusHubBroadcaster> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = board.Subscribe();
        try
        {
            await foreach (var update in subscription.Updates.ReadAllAsync(stoppingToken))
            {
                try
                {
                    if (update.Diff is { } diff)
                    {
                        await hub.Clients.All.Diff(diff);
                    }
                    if (update.Health is { } health)
                    {
                        await hub.Clients.All.Health(health);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failed send must not end the stream for everyone; clients recover through version gaps.
                    LogSendFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a board update to hub clients failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);
}
