using SutWeb.Notifications;
using SutWeb.Notifications.Channels;

namespace SutWeb.Tests.Notifications;

public sealed class NotificationTextTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compose_RunFailed_SaysWhatWhereWhoSinceAndTheLogsEnd()
    {
        var message = NotificationText.Compose(DeliveryHost.RunFailed(At, "c"));

        Assert.Equal("Run failed: lab-a:5201", message.Title);
        Assert.Equal("A run failed.", message.Summary);
        var facts = message.Facts.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("Lab A & B (lab-a)", facts["Source"]);
        Assert.Equal("lab-a:5201", facts["Agent"]);
        Assert.Equal("Checkout <beta>", facts["Model"]);
        Assert.Equal("alice, Scheduler", facts["Started by"]);
        Assert.Equal("2026-12-06 02:57:00 UTC (3 min before this message)", facts["Since"]);
        Assert.EndsWith("assert total < 100 & > 0 failed", message.LastLog);
        Assert.Equal(MessageTone.Problem, message.Tone);
        Assert.Contains("rule nightly", message.Footer);
    }

    [Fact]
    public void Compose_Resolved_SaysItEndedAndHowLongItHeld()
    {
        var message = NotificationText.Compose(DeliveryHost.RunFailed(At, "c") with
        {
            Event = NotificationEvents.AgentDisconnected,
            Resolved = true,
            Since = At.AddMinutes(-95),
            Run = null,
        });

        Assert.Equal("Resolved: agent disconnected: lab-a:5201", message.Title);
        Assert.Equal("The agent is connected again. It held from 2026-12-06 01:25:00 UTC to 2026-12-06 03:00:00 UTC (1 h 35 min).", message.Summary);
        Assert.Equal(MessageTone.Resolved, message.Tone);
        Assert.DoesNotContain(message.Facts, f => f.Label == "Since");
    }

    [Fact]
    public void Compose_Flapping_SaysQuietUntilItSettles()
    {
        var message = NotificationText.Compose(DeliveryHost.RunFailed(At, "c") with { Event = NotificationEvents.AgentDisconnected, Flapping = true, Run = null });

        Assert.Equal("Agent flapping: lab-a:5201", message.Title);
        Assert.Contains("until it settles", message.Summary);
    }

    [Fact]
    public void Compose_FoldedEvents_CountThem()
    {
        var runs = NotificationText.Compose(DeliveryHost.RunFailed(At, "c") with { Count = 3 });
        var source = NotificationText.Compose(DeliveryHost.SourceDown(At, 200, "c"));

        Assert.Equal("3 runs failed: lab-a:5201", runs.Title);
        Assert.EndsWith("This one message stands for 3 such events.", runs.Summary);
        Assert.Equal("Source down: Lab B", source.Title);
        Assert.EndsWith("Its agents' disconnections are folded into this one message (200 events).", source.Summary);
        Assert.Contains(source.Facts, f => f is { Label: "Count", Value: "200" });
    }

    [Fact]
    public void LastLog_Long_KeepsTheLastLinesWithinTheLimit()
    {
        var log = string.Join('\n', Enumerable.Range(1, 100).Select(i => $"line {i}"));

        var end = NotificationText.LastLog(log)!;

        Assert.StartsWith("line 86\n", end);
        Assert.EndsWith("line 100", end);
    }
}
