using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using SutWeb.Components.Feed;
using SutWeb.Components.Styling;
using SutWeb.History.Expectations;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Agents;

/// <summary>A row's rendering decisions: when to render again (a new model, a tick, the viewer's time zone), and its elapsed time.</summary>
public partial class AgentRow : IDisposable
{
    private AgentRowModel? _rendered;
    private string? _renderedSourceName;
    private bool _renderRequested;
    private (TimeSpan? Elapsed, bool Stuck) _elapsed;
    private IDisposable? _ticking;
    private bool _stale;
    private RunExpectations? _expectations;
    private (string Text, string Title, bool Overrun)? _expected;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    [Inject]
    private ViewerTime ViewerTime { get; set; } = null!;

    [Inject]
    private SecondTicker Ticker { get; set; } = null!;

    [Inject]
    private IOptions<DashboardOptions> Options { get; set; } = null!;

    /// <summary>Where <see cref="RunExpectations"/> comes from: it is there only with a history database.</summary>
    [Inject]
    private IServiceProvider Services { get; set; } = null!;

    [Parameter, EditorRequired]
    public AgentRowModel Model { get; set; } = null!;

    [Parameter]
    public EventCallback<string> OnToggleExpanded { get; set; }

    /// <summary>The agent's source by name, while the board has several; null shows none.</summary>
    [Parameter]
    public string? SourceName { get; set; }

    /// <summary>Whose data is stale (<see cref="Feed.StaleSourcesScope"/>); none outside a scope.</summary>
    [CascadingParameter]
    public StaleSources? Stale { get; set; }

    private AgentView Agent => Model.Agent;

    private ExecutionView? Execution => Model.Agent.Execution;

    private string StartText
    {
        get
        {
            if (Execution?.StartTime is not { } start)
            {
                return "";
            }
            // Today's runs need only the time; older ones the day too.
            var today = ViewerTime.ToLocal(Time.GetUtcNow()).Date == ViewerTime.ToLocal(start).Date;
            return ViewerTime.Format(start, today ? "HH:mm:ss" : "dd MMM HH:mm");
        }
    }

    protected override void OnInitialized()
    {
        _rendered = Model;
        _renderedSourceName = SourceName;
        _expectations = Services.GetService<RunExpectations>();
        ViewerTime.Changed += OnViewerTimeChanged;
    }

    protected override void OnParametersSet()
    {
        // A new set of stale sources reaches every row in view; only a row whose own staleness flipped renders again.
        var stale = Stale?.Covers(Agent) ?? false;
        if (stale != _stale)
        {
            _stale = stale;
            _renderRequested = true;
        }
        _elapsed = MeasureElapsed();
        var ticking = Model.DisconnectedAt is null && RunDuration.IsTicking(Agent);
        if (ticking && _ticking is null)
        {
            _ticking = Ticker.Subscribe(InvokeAsync, Tick);
        }
        else if (!ticking)
        {
            _ticking?.Dispose();
            _ticking = null;
        }
    }

    private void Tick()
    {
        _elapsed = MeasureElapsed();
        _renderRequested = true;
        StateHasChanged();
    }

    private (TimeSpan? Elapsed, bool Stuck) MeasureElapsed()
    {
        var measured = ElapsedTime.Measure(Agent, Model.DisconnectedAt, Time.GetUtcNow(), Options.Value.StuckAfter);
        _expected = Expected(measured.Elapsed);
        return measured;
    }

    /// <summary>A running run against its model's usual duration on its source, when history knows it: "about 12 min left".</summary>
    private (string Text, string Title, bool Overrun)? Expected(TimeSpan? elapsed)
    {
        if (_expectations is null || elapsed is not { } taken || Model.IsDisconnected || Agent.State != AgentState.Running
            || _expectations.For(Agent.Source, Execution?.ModelName) is not { } expectation)
        {
            return null;
        }
        var progress = expectation.Progress(taken);
        return (ExpectationText.Of(progress), ExpectationText.Usual(expectation), progress.Overrun);
    }

    protected override bool ShouldRender()
    {
        if (!_renderRequested && Equals(_rendered, Model) && _renderedSourceName == SourceName)
        {
            return false;
        }
        _rendered = Model;
        _renderedSourceName = SourceName;
        _renderRequested = false;
        return true;
    }

    private Task ToggleAsync() => OnToggleExpanded.InvokeAsync(Model.Key);

    private void OnViewerTimeChanged()
    {
        // Times are shown in the viewer's zone, which the browser reports after the first render.
        _renderRequested = true;
        _ = InvokeAsync(StateHasChanged);
    }

    public void Dispose()
    {
        ViewerTime.Changed -= OnViewerTimeChanged;
        _ticking?.Dispose();
    }
}
