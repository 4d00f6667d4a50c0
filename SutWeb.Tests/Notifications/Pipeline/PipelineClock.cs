using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Monitoring;
using SutWeb.Notifications.Rules;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Notifications.Pipeline;

/// <summary>Steps a host on a fake clock a poll at a time, each time until the rules have judged what that poll brought (as NotificationRulesClockTests).</summary>
internal static class PipelineClock
{
    public static async Task PassAsync(SutWebHost host, FakeTimeProvider clock, TimeSpan poll, TimeSpan time)
    {
        var poller = host.Services.GetRequiredService<PollerStatus>();
        var rules = host.Services.GetRequiredService<NotificationRulesStatus>();
        for (var passed = TimeSpan.Zero; passed < time; passed += poll)
        {
            var completed = poller.CompletedPolls;
            clock.Advance(poll);
            await Eventually.UntilAsync(() => poller.CompletedPolls > completed, "the poll has finished");
            var version = host.Board.Current.Version;
            await Eventually.UntilAsync(() =>
            {
                if (rules.ObservedVersion >= version)
                {
                    return true;
                }
                // A board batch gathers for 100 ms on this clock.
                clock.Advance(AgentBoard.BatchWindow);
                return false;
            }, $"the rules have judged version {version}");
        }
    }
}
