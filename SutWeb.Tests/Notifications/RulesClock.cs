using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Monitoring;
using SutWeb.Notifications.Rules;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Notifications;

/// <summary>
/// Moves a host's clock a poll at a time, each time until that poll has finished and the rules have judged what it
/// brought: a board batch gathers for 100 ms on this clock, so the clock is nudged until they have.
/// </summary>
internal static class RulesClock
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
                clock.Advance(AgentBoard.BatchWindow);
                return false;
            }, $"the rules have judged version {version}");
        }
    }
}
