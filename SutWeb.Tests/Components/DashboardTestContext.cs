using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using SutWeb.Components;
using SutWeb.Components.Agents;
using SutWeb.Components.Pages;
using SutWeb.Components.Styling;
using SutWeb.Eggplant;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Components;

/// <summary>
/// bUnit with the real <see cref="AgentBoard"/> (tests publish to it, as the poller would), a fake clock, MudBlazor
/// services and the dashboard's options. Waits are for conditions, with a generous timeout, never fixed sleeps.
/// </summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    protected DashboardTestContext(IReadOnlyDictionary<string, string?>? settings = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(Board);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddScoped<ViewerTime>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        Services.AddDashboard(configuration);
        Services.AddOptions<EggplantOptions>().Configure(options => options.PollInterval = PollInterval);
        Services.AddSingleton<SignInBackoff>();
        // Rows count their own renders, so tests can tell a row's render from a render of one of its cells.
        ComponentFactories.Add<AgentRow, CountingAgentRow>();
    }

    // MudBlazor's services are only asynchronously disposable; xunit 2 disposes test classes through IAsyncLifetime.
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected AgentBoard Board { get; } = new();

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    /// <summary>Publishes the agents as one poll's result, as the poller does (in key order).</summary>
    protected void Publish(params AgentView[] agents) =>
        Board.PublishAgents([.. agents.OrderBy(a => a.Key, StringComparer.Ordinal)], Clock.GetUtcNow());

    protected void PublishHealth(UpstreamState state, DateTimeOffset? lastSuccessAt = null, string? lastError = null) =>
        Board.PublishHealth(new UpstreamHealth { State = state, LastSuccessAt = lastSuccessAt, LastError = lastError, PollIntervalSeconds = PollInterval.TotalSeconds });

    /// <summary>The page at <c>/</c> with the given query, e.g. <c>?sort=name</c>.</summary>
    protected IRenderedComponent<CountingHome> RenderHome(string query = "")
    {
        Navigation.NavigateTo("/" + query);
        Render<MudBlazor.MudPopoverProvider>();
        return Render<CountingHome>();
    }

    protected static IReadOnlyList<string> RowKeys(IRenderedComponent<IComponent> cut) =>
        [.. cut.FindAll("[data-testid=agent-row]").Select(row => row.GetAttribute("data-agent-key")!)];

    protected static AngleSharp.Dom.IElement Row(IRenderedComponent<IComponent> cut, string key) =>
        cut.Find($"[data-testid=agent-row][data-agent-key=\"{key}\"]");

    protected static CountingAgentRow RowComponent(IRenderedComponent<IComponent> cut, string key) =>
        cut.FindComponents<CountingAgentRow>().Single(row => row.Instance.Model.Key == key).Instance;

    /// <summary>Own renders of every row on the page, by agent key.</summary>
    protected static Dictionary<string, int> RowRenders(IRenderedComponent<IComponent> cut) =>
        cut.FindComponents<CountingAgentRow>().ToDictionary(row => row.Instance.Model.Key, row => row.Instance.OwnRenders);
}
