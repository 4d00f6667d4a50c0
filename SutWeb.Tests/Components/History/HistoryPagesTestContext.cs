using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using SutWeb.Components.Styling;
using SutWeb.History;
using SutWeb.Tests.History;

namespace SutWeb.Tests.Components.History;

/// <summary>
/// bUnit over a real SQLite history (a file of its own per test, written through <see cref="HistoryStore"/> as the
/// recorder writes), a fake clock and MudBlazor's services, as the interactive server renders the pages.
/// </summary>
public abstract class HistoryPagesTestContext : BunitContext, IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly SqliteTestDatabase _test = new();
    private HistoryDatabase? _database;

    protected HistoryPagesTestContext(bool historyOn = true)
    {
        HistoryOn = historyOn;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddScoped<ViewerTime>();
        if (historyOn)
        {
            Services.AddSingleton(_ => new HistoryQueries(Database));
        }
        AddServices(Services);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected bool HistoryOn { get; }

    /// <summary>A derived context's own services: bUnit takes none once it has been asked for one.</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    protected FakeTimeProvider Clock { get; } = new(Now);

    protected BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    protected HistoryDatabase Database => _database ?? throw new InvalidOperationException("The database opens in InitializeAsync.");

    async Task IAsyncLifetime.InitializeAsync()
    {
        if (HistoryOn)
        {
            _database = await _test.OpenAsync();
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _test.DisposeAsync();
    }

    protected Task WriteAsync(params HistoryWrite[] writes) => new HistoryStore(Database).ApplyAsync(writes, [], CancellationToken.None);

    protected static RunWrite Run(string executionId, string agentName, DateTimeOffset start, string outcome, string model = "Login", string source = "default", TimeSpan? took = null) =>
        new(source, start, executionId, agentName, 5001, null, 4001, model, "tester", "model", "api", start,
            outcome == RunOutcomes.Running ? null : start + (took ?? TimeSpan.FromMinutes(2)), outcome, "log");

    protected static EventWrite Connection(string agentName, DateTimeOffset at, bool connected, int port = 5001, string source = "default") =>
        new(source, at, agentName, port, connected ? AgentEventKinds.Connected : AgentEventKinds.Disconnected, "Idle", null);

    /// <summary>A page at <paramref name="uri"/> as the router shows it, with MudBlazor's popover host.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(string uri, Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        Navigation.NavigateTo(uri);
        Render<MudBlazor.MudPopoverProvider>();
        return Render<TPage>(parameters);
    }

    /// <summary>The execution ids of the runs the table shows, in order.</summary>
    protected static IReadOnlyList<string> ShownRuns(IRenderedComponent<IComponent> cut) =>
        [.. cut.FindAll("[data-testid=run]").Select(cell => cell.GetAttribute("data-execution-id")!)];
}
