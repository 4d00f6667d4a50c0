using Microsoft.AspNetCore.Components.Rendering;
using SutWeb.Components.Pages;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Components;

/// <summary>
/// The page, counting its own renders. bUnit's RenderCount also counts renders of child components; this counts
/// only renders of the page itself.
/// </summary>
public sealed class CountingHome : Home
{
    public int OwnRenders { get; private set; }

    /// <summary>The board state the page has taken in so far.</summary>
    public StatusSnapshot SeenSnapshot => Snapshot;

    // Counted as the render happens, so it is up to date before the markup a test waits for changes.
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        OwnRenders++;
        base.BuildRenderTree(builder);
    }
}
