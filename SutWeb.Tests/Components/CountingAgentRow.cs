using Microsoft.AspNetCore.Components.Rendering;
using SutWeb.Components.Agents;

namespace SutWeb.Tests.Components;

/// <summary>A row counting its own renders (not those of its cells' components, such as a ticking elapsed time).</summary>
public sealed class CountingAgentRow : AgentRow
{
    public int OwnRenders { get; private set; }

    // Counted as the render happens, so it is up to date before the markup a test waits for changes.
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        OwnRenders++;
        base.BuildRenderTree(builder);
    }
}
