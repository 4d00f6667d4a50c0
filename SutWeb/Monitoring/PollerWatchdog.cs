using SutWeb.Eggplant.Sources;
using SutWeb.Shared.Mapping;
using Microsoft.Extensions.Options;
using SutWeb.Eggplant;
using SutWeb.Shared.Views;

namespace SutWeb.Monitoring;

/// <summary>
/// Watches the poller from outside, on its own timer, so that it still speaks when the poll loop itself is stuck:
/// when no poll has completed (well or not) for <see cref="StalledAfter"/>, it logs one warning, makes
/// <c>/readyz</c> unhealthy and puts the stall on the board's health (Unreachable, "No poll has completed for N s
/// (poller stalled)"), which every page and hub client shows. The first completed poll ends the episode.
/// </summary>
public sealed partial class PollerWatchdog(
    AgentBoard board,
    PollerStatus status,
    IOptions<EggplantOptions> options,
    TimeProvider timeProvider,
    ILogger<PollerWatchdog> logger) : BackgroundService
{
    /// <summary>How the health's message marks a stall, so that the screen can name it.</summary>
    public const string StallMarker = "(poller stalled)";

    /// <summary>
    /// Three times the longest gap a working poller leaves between two completed polls (a whole deadline, then up to
    /// the interval in force until the next tick): far from any slow but working server, yet well under a minute by
    /// default at the active pace (21 s). Judged against the interval in force (<see cref="PollerStatus.Interval"/>),
    /// so that a quiet board's slower pace or a back-off of up to a minute is not taken for a stall; never against
    /// less than <c>PollInterval</c>.
    /// </summary>
    public static TimeSpan StalledAfter(EggplantOptions settings, TimeSpan interval) =>
        (settings.RequestTimeout + (interval > settings.PollInterval ? interval : settings.PollInterval)) * 3;

    /// <summary>Whether <paramref name="health"/> is the watchdog's report of a stall.</summary>
    public static bool Reports(UpstreamHealth health) =>
        health.LastError?.EndsWith(StallMarker, StringComparison.Ordinal) == true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!EggplantSources.Resolve(settings).Any(s => s.IsDefault))
        {
            return; // No source default to watch: only Eggplant:Sources are configured.
        }
        var completed = status.CompletedPolls;
        var lastProgress = timeProvider.GetUtcNow();
        using var timer = new PeriodicTimer(settings.PollInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = timeProvider.GetUtcNow();
                if (status.CompletedPolls != completed)
                {
                    completed = status.CompletedPolls;
                    if (status.Stalled)
                    {
                        status.SetStall(null);
                        LogResumed(logger, settings.UpstreamName, (int)(now - lastProgress).TotalSeconds);
                    }
                    lastProgress = now;
                    continue;
                }
                var quiet = now - lastProgress;
                if (quiet < StalledAfter(settings, status.Interval))
                {
                    continue;
                }
                var stall = $"No poll has completed for {quiet.TotalSeconds:0} s {StallMarker}";
                if (!status.Stalled)
                {
                    LogStalled(logger, settings.UpstreamName, (int)quiet.TotalSeconds, settings.RequestTimeout.TotalSeconds);
                }
                status.SetStall(stall);
                // A poll that completes at this very moment publishes its own health; the next one corrects a stall
                // published over it, one interval later at most.
                // With several sources the board's health is their combination: the stall is the source default's.
                var own = board.Current.Health.Sources is null ? board.Current.Health : board.SourceHealth(AgentKeys.DefaultSource);
                board.PublishHealth(own with { State = UpstreamState.Unreachable, LastError = stall });
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No poll of {Upstream} has completed for {Seconds} s although each may take at most {TimeoutSeconds} s: the poller is stalled and the board shows old data")]
    private static partial void LogStalled(ILogger logger, string upstream, int seconds, double timeoutSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polls of {Upstream} complete again, after {Seconds} s without one")]
    private static partial void LogResumed(ILogger logger, string upstream, int seconds);
}
