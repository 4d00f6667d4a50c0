using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using SutWeb.Components.Feed;

namespace SutWeb.Tests.Components;

/// <summary>A live component whose update handler fails at one board version, and that shows the version it has.</summary>
public sealed class ThrowingFeed : BoardFeed
{
    [Parameter]
    public long ThrowAtVersion { get; set; }

    protected override bool OnSnapshotChanged(IReadOnlySet<string>? changedKeys) =>
        Snapshot.Version == ThrowAtVersion ? throw new InvalidOperationException("The handler failed on purpose.") : true;

    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, $"version {Snapshot.Version}");
}
