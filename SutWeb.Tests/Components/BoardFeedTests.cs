using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;
using SutWeb.Tests.Monitoring;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Components;

/// <summary>The base of every live component: batches from the board on its clock, a failing handler logged, a clean end.</summary>
public sealed class BoardFeedTests : BunitContext
{
    private readonly TimerWatchingClock _clock = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturedLogs _logs = new();
    private readonly AgentBoard _board;

    public BoardFeedTests()
    {
        _board = new AgentBoard(_clock);
        Services.AddSingleton(_board);
        Services.AddSingleton<ILoggerFactory>(LoggerFactory.Create(logging => logging.AddProvider(_logs)));
    }

    [Fact]
    public async Task BoardFeed_HandlerThrows_IsLoggedAndThePageKeepsUpdating()
    {
        Publish("a");
        var cut = Render<ThrowingFeed>(p => p.Add(c => c.ThrowAtVersion, 2));

        await PublishAndLetTheBatchGoAsync("a", "b");
        await Eventually.UntilAsync(() => _logs.Lines.Any(l => l.Contains("failed to take board version 2", StringComparison.Ordinal)),
            "the failure is logged");
        Assert.Contains(_logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("The handler failed on purpose.", StringComparison.Ordinal));

        await PublishAndLetTheBatchGoAsync("a", "b", "c");
        cut.WaitForAssertion(() => Assert.Equal("version 3", cut.Markup), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task BoardFeed_Disposed_EndsItsSubscriptionBeforeDisposalCompletes()
    {
        Publish("a");
        Render<ThrowingFeed>();
        Assert.Equal(1, _board.Subscribers);

        await DisposeComponentsAsync();

        Assert.Equal(0, _board.Subscribers);
    }

    private void Publish(params string[] keys) =>
        _board.PublishAgents([.. keys.Select(k => new AgentView { Key = k, AgentName = k })], _clock.GetUtcNow());

    /// <summary>Publishes, waits until the component's batch is waiting on the board's clock, then moves the clock past it.</summary>
    private async Task PublishAndLetTheBatchGoAsync(params string[] keys)
    {
        var timers = _clock.Timers;
        Publish(keys);
        await Eventually.UntilAsync(() => _clock.Timers > timers, "the batch waits on the board's clock");
        _clock.Advance(AgentBoard.BatchWindow);
    }
}
