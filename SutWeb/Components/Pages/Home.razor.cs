using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using SutWeb.Components.Agents;
using SutWeb.Components.Listing;
using SutWeb.Components.Styling;
using SutWeb.Eggplant;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Pages;

/// <summary>The desk page's bindings: board updates and the URL's query into <see cref="DeskView"/>, viewer actions back to the URL.</summary>
public partial class Home
{
    private DeskView _desk = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IOptions<DashboardOptions> Options { get; set; } = null!;

    [Inject]
    private IOptions<EggplantOptions> EggplantOptions { get; set; } = null!;

    [SupplyParameterFromQuery(Name = AgentFilter.TextParameter)]
    public string? QueryText { get; set; }

    [SupplyParameterFromQuery(Name = AgentFilter.StatesParameter)]
    public string? QueryStates { get; set; }

    [SupplyParameterFromQuery(Name = AgentFilter.SourcesParameter)]
    public string? QuerySources { get; set; }

    [SupplyParameterFromQuery(Name = AgentQuery.GroupParameter)]
    public string? QueryGroup { get; set; }

    [SupplyParameterFromQuery(Name = AgentQuery.SortParameter)]
    public string? QuerySort { get; set; }

    [SupplyParameterFromQuery(Name = AgentQuery.DescendingParameter)]
    public string? QueryDescending { get; set; }

    private UpstreamSource Upstream => UpstreamSource.Of(EggplantOptions.Value);

    protected override void OnInitialized()
    {
        // Before the base subscribes: its first snapshot goes to the desk.
        _desk = new DeskView(Time, Options.Value, InvokeAsync);
        _desk.Changed += StateHasChanged;
        base.OnInitialized();
    }

    protected override void OnParametersSet() =>
        _desk.SetQuery(AgentQuery.Parse(QueryText, QueryStates, QuerySort, QueryDescending, QuerySources, QueryGroup));

    protected override bool OnSnapshotChanged(IReadOnlySet<string>? changedKeys) => _desk.Apply(Snapshot, changedKeys);

    private void ChangeQuery(AgentQuery query)
    {
        // Shown at once; the URL follows (replacing the history entry, so Back leaves the page rather than undoing a keystroke).
        _desk.SetQuery(query);
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query.ToQueryParameters()), replace: true);
    }

    private void SortBy(AgentSortColumn column) => ChangeQuery(_desk.Query.SortedBy(column));

    private void ClearQuery() => ChangeQuery(AgentQuery.Everything);

    private void ToggleExpanded(string key) => _desk.ToggleExpanded(key);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _desk is not null)
        {
            _desk.Changed -= StateHasChanged;
            _desk.Dispose();
        }
        base.Dispose(disposing);
    }
}
