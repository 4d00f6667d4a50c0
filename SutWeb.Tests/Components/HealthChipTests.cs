using Bunit;
using MudBlazor;
using SutWeb.Components.Widgets;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Components;

/// <summary>The header says in words how fresh the data is and why it is not, and keeps "N s ago" true.</summary>
public sealed class HealthChipTests : DashboardTestContext
{
    public static TheoryData<UpstreamState?, int?, string, string, string> States => new()
    {
        { null, null, "Connecting to the Eggplant server…", Icons.Material.Filled.HourglassTop, "info" },
        { UpstreamState.Healthy, 2, "Live · updated 2 s ago", Icons.Material.Filled.Sensors, "success" },
        { UpstreamState.Healthy, 10, "Stale · last good data 09:59:50 UTC", Icons.Material.Filled.HistoryToggleOff, "warning" },
        { UpstreamState.Degraded, 115, "Retrying · last good data 09:58:05 UTC", Icons.Material.Filled.SyncProblem, "warning" },
        { UpstreamState.Degraded, null, "Retrying · no data yet", Icons.Material.Filled.SyncProblem, "warning" },
        { UpstreamState.Unreachable, 29 * 60, "Eggplant server unreachable since 09:31 UTC", Icons.Material.Filled.CloudOff, "error" },
        { UpstreamState.Unreachable, null, "Eggplant server unreachable", Icons.Material.Filled.CloudOff, "error" },
        { UpstreamState.Unauthorized, 60, "Unauthorized: check the Eggplant credentials", Icons.Material.Filled.Lock, "error" },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void HealthChip_EachHealthState_ShowsItsMessageIconAndColour(UpstreamState? state, int? secondsAgo, string message, string icon, string colour)
    {
        if (state is { } upstream)
        {
            PublishHealth(upstream, secondsAgo is { } ago ? Clock.GetUtcNow().AddSeconds(-ago) : null);
        }

        var cut = RenderChip();

        var chip = cut.Find("[data-testid=health-chip]");
        Assert.Equal(message, chip.TextContent.Trim());
        Assert.Contains($"mud-chip-color-{colour}", chip.ClassList);
        Assert.Equal(icon, cut.FindComponent<MudChip<string>>().Instance.Icon);
    }

    [Fact]
    public void HealthChip_Live_TicksEverySecondAndTurnsStale()
    {
        PublishHealth(UpstreamState.Healthy, Clock.GetUtcNow());
        var cut = RenderChip();
        Assert.Equal("Live · updated 0 s ago", cut.Find("[data-testid=health-chip]").TextContent.Trim());

        Clock.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal("Live · updated 1 s ago", cut.Find("[data-testid=health-chip]").TextContent.Trim()), Patience);
        Clock.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal("Live · updated 2 s ago", cut.Find("[data-testid=health-chip]").TextContent.Trim()), Patience);

        // Three poll intervals without a good poll: the same Healthy state now reads as stale.
        Clock.Advance(PollInterval * 3);
        cut.WaitForAssertion(
            () => Assert.Equal("Stale · last good data 10:00:00 UTC", cut.Find("[data-testid=health-chip]").TextContent.Trim()),
            Patience);
        Assert.Equal("true", cut.Find("[data-testid=health-chip]").GetAttribute("data-stale"));
    }

    [Fact]
    public void HealthChip_HealthChangesOnTheBoard_ShowsTheNewState()
    {
        PublishHealth(UpstreamState.Healthy, Clock.GetUtcNow());
        var cut = RenderChip();

        PublishHealth(UpstreamState.Unauthorized, Clock.GetUtcNow(), "Sign-in refused (401): check Eggplant:Username and Eggplant:Password.");

        cut.WaitForAssertion(
            () => Assert.Equal("Unauthorized: check the Eggplant credentials", cut.Find("[data-testid=health-chip]").TextContent.Trim()),
            Patience);
    }

    [Fact]
    public void HealthChip_LastError_IsItsTooltip()
    {
        const string error = "The Eggplant server answered 500 <Internal Server Error>.";
        PublishHealth(UpstreamState.Degraded, Clock.GetUtcNow().AddSeconds(-5), error);

        var cut = RenderChip();

        var tooltip = cut.FindComponent<MudTooltip>();
        Assert.Equal(error, tooltip.Instance.Text);
        Assert.False(tooltip.Instance.Disabled);
    }

    [Fact]
    public void HealthChip_NoError_HasNoTooltip()
    {
        PublishHealth(UpstreamState.Healthy, Clock.GetUtcNow());

        var cut = RenderChip();

        Assert.True(cut.FindComponent<MudTooltip>().Instance.Disabled);
    }

    private IRenderedComponent<HealthChip> RenderChip()
    {
        Render<MudPopoverProvider>();
        return Render<HealthChip>();
    }
}
