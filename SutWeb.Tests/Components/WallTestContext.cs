using SutWeb.Components.Feed;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using SutWeb.Components.Pages;
using SutWeb.Components.Styling;
using SutWeb.Eggplant;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Components;

/// <summary>
/// The wall rendered by bUnit against a real <see cref="AgentBoard"/> and a fake clock: tests publish to the board as
/// the poller would and move time by hand.
/// </summary>
public abstract class WallTestContext : BunitContext, IAsyncLifetime
{
    protected static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>Board updates reach a component after its real 100 ms batch window; this only bounds a hung test.</summary>
    protected static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(10);

    protected WallTestContext()
    {
        Services.AddSingleton(Board);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(Options.Create(new EggplantOptions { PollInterval = PollInterval }));
        Services.AddScoped<ViewerTime>();
        Services.AddScoped<SecondTicker>();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    // MudBlazor's services are only asynchronously disposable; xunit 2 disposes test classes through IAsyncLifetime.
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 6, 2, 9, 30, 0, TimeSpan.Zero));

    protected AgentBoard Board { get; } = new();

    protected IRenderedComponent<Wall> RenderWall(string query = "")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/wall" + query);
        return Render<Wall>();
    }

    /// <summary>What one good poll does: the agents, then healthy as of now.</summary>
    protected void Publish(params AgentView[] agents)
    {
        Board.PublishAgents([.. agents.OrderBy(a => a.Key, StringComparer.Ordinal)], Clock.GetUtcNow());
        Board.PublishHealth(new UpstreamHealth { State = UpstreamState.Healthy, LastSuccessAt = Clock.GetUtcNow(), PollIntervalSeconds = PollInterval.TotalSeconds });
    }

    protected static AgentView Agent(string name, AgentState state, string? model = "CheckoutSmoke", string? log = null, int port = 5400,
        DateTimeOffset? start = null) => new()
    {
        Key = $"{name}:{port}",
        AgentName = name,
        Port = port,
        ProcessId = state == AgentState.Idle ? 0 : 4242,
        State = state,
        LastLog = log,
        Execution = state == AgentState.Idle ? null : new ExecutionView
        {
            ModelName = model,
            Status = state.ToString(),
            StartTime = start,
        },
    };

    protected static IReadOnlyList<string?> TileKeys(IRenderedComponent<Wall> wall) =>
        [.. wall.FindAll("[data-testid=wall-tile]").Select(t => t.GetAttribute("data-agent-key"))];
}
