using SutWeb.Eggplant;
using SutWeb.Eggplant.Sources;
using SutWeb.Shared.Views;

namespace SutWeb.Monitoring;

/// <summary>
/// Watches each source's poller from outside, on its own timer, so that it still speaks when a poll loop itself is
/// stuck: when no poll of a source has completed (well or not) for <see cref="StalledAfter"/>, it logs one warning,
/// makes that source unready on <c>/readyz</c> and puts the stall on that source's health (Unreachable, "No poll has
/// completed for N s (poller stalled)"), which every page and hub client shows. The first completed poll ends the episode.
/// </summary>
public sealed partial class PollerWatchdog(
    AgentBoard board,
    PollerStatuses pollers,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<PollerWatchdog> logger) : BackgroundService
{
    /// <summary>How the health's message marks a stall, so that the screen can name it.</summary>
    public const string StallMarker = "(poller stalled)";

    private static readonly Func<ILogger, string, IDisposable?> SourceScope = LoggerMessage.DefineScope<string>("Source {Source}");

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
        // The pollers start once the host has (the simulator is served by it): a slow start-up is no stall.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        await Task.WhenAll(pollers.Sources.Select(source => WatchAsync(source, pollers[source], stoppingToken)));
    }

    private async Task WatchAsync(EggplantSource source, PollerStatus status, CancellationToken stoppingToken)
    {
        using var logScope = SourceScope(logger, source.Id);
        var settings = source.Options;
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
                        LogResumed(logger, source.UpstreamName, (int)(now - lastProgress).TotalSeconds);
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
                    LogStalled(logger, source.UpstreamName, (int)quiet.TotalSeconds, settings.RequestTimeout.TotalSeconds);
                }
                status.SetStall(stall);
                // A poll that completes at this very moment publishes its own health; the next one corrects a stall
                // published over it, one interval later at most. The stall is this source's alone.
                var own = board.SourceHealth(source.Id);
                board.PublishHealth(source.Id, source.DisplayName, own with { State = UpstreamState.Unreachable, LastError = stall });
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
