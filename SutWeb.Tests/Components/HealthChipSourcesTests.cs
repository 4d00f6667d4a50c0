using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SutWeb.Components.Widgets;
using SutWeb.Eggplant;
using SutWeb.Eggplant.Sources;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.SourceBoard;

namespace SutWeb.Tests.Components;

/// <summary>With several sources, the header's health chip opens a list of them: state, last good poll, interval in force.</summary>
public sealed class HealthChipSourcesTests : DashboardTestContext
{
    public HealthChipSourcesTests() => Services.Configure<EggplantOptions>(Configure);

    [Fact]
    public void HealthChip_TwoSources_OpensAListWithEachStateLastGoodPollAndInterval()
    {
        Board.PublishHealth(EggplantSource.DefaultId, DefaultName, Healthy(Clock.GetUtcNow().AddSeconds(-12), TimeSpan.FromSeconds(15)));
        Board.PublishHealth(LabB, LabBName, new UpstreamHealth
        {
            State = UpstreamState.Unreachable,
            LastSuccessAt = Clock.GetUtcNow().AddMinutes(-3),
            LastError = "Connection refused",
            ConsecutiveFailures = 9,
            Cause = UpstreamCause.Network,
            PollIntervalSeconds = 8,
        });
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<HealthChip>();
        // MudMenu's own button opens the list: announced as opening a menu, named by the state and what it shows.
        var button = cut.Find("[data-testid=health-chip] button");
        Assert.Equal("menu", button.GetAttribute("aria-haspopup"));
        Assert.Equal("Eggplant server unreachable since 09:57 UTC: show the health of each of the 2 Eggplant servers", button.GetAttribute("aria-label"));
        Assert.Equal("Eggplant server unreachable since 09:57 UTC", button.TextContent.Trim());
        Assert.Empty(popovers.FindAll("[data-testid=health-source]"));

        button.Click();

        popovers.WaitForAssertion(() => Assert.Equal(2, popovers.FindAll("[data-testid=health-source]").Count), Patience);
        var items = popovers.FindAll("[data-testid=health-source]");
        Assert.Equal(["default", "lab-b"], items.Select(i => i.GetAttribute("data-source")));
        Assert.Equal(["healthy", "unreachable"], items.Select(i => i.GetAttribute("data-state")));
        Assert.Equal(["dai.example.com:8080", "Lab B"], Texts(popovers, "health-source-name"));
        Assert.Equal(["Live", "Unreachable"], Texts(popovers, "health-source-state"));
        Assert.Equal(["12 s ago", "3 min ago"], Texts(popovers, "health-source-last-good"));
        Assert.Equal(["2026-11-29 09:59:48 UTC", "2026-11-29 09:57:00 UTC"],
            popovers.FindAll("[data-testid=health-source-last-good]").Select(e => e.GetAttribute("title")));
        Assert.Equal(["every 15 s", "every 8 s"], Texts(popovers, "health-source-interval"));
        Assert.Equal("Lab B: Unreachable, last good poll 3 min ago, every 8 s", items[1].GetAttribute("aria-label"));

        // The ages keep moving while the list is open.
        Clock.Advance(TimeSpan.FromSeconds(1));
        popovers.WaitForAssertion(() => Assert.Equal(["13 s ago", "3 min ago"], Texts(popovers, "health-source-last-good")), Patience);
    }

    [Fact]
    public void HealthChip_OneSource_IsAPlainChipWithoutAList()
    {
        Board.PublishHealth(EggplantSource.DefaultId, DefaultName, Healthy(Clock.GetUtcNow(), PollInterval));
        Render<MudPopoverProvider>();

        var cut = Render<HealthChip>();

        Assert.Empty(cut.FindAll(".mud-menu-activator"));
        Assert.Empty(cut.FindComponents<MudMenu>());
        Assert.Equal("Live · updated 0 s ago", cut.Find("[data-testid=health-chip]").TextContent.Trim());
    }

    private static List<string> Texts(IRenderedComponent<MudPopoverProvider> popovers, string testId) =>
        [.. popovers.FindAll($"[data-testid={testId}]").Select(e => e.TextContent.Trim())];
}
