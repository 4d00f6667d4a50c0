using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Components.Layout;
using SutWeb.Eggplant;
using SutWeb.Eggplant.Sources;
using SutWeb.Simulator;

namespace SutWeb.Tests.Components;

/// <summary>Every page's header says "Simulator" whenever the embedded simulator's made-up data is shown.</summary>
public sealed class SimulatorBadgeTests : DashboardTestContext
{
    [Fact]
    public void MainLayout_SimulatorIsTheSource_ShowsTheSimulatorBadgeWithItsExplanation()
    {
        var cut = RenderLayout();

        var badge = cut.Find("[data-testid=simulator-badge]");
        Assert.Equal("Simulator", badge.TextContent.Trim());
        Assert.Equal("Made-up data from the embedded simulator: set Eggplant:BaseUrl to watch a real server", badge.GetAttribute("title"));
        Assert.NotNull(badge.QuerySelector("svg")); // the icon, besides the word
    }

    [Fact]
    public void MainLayout_RealServer_ShowsNoSimulatorBadge()
    {
        Services.Configure<EggplantOptions>(options => options.BaseUrl = "https://dai.example.com/");

        var cut = RenderLayout();

        Assert.Empty(cut.FindAll("[data-testid=simulator-badge]"));
        Assert.DoesNotContain("Simulator", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void MainLayout_OnlyConfiguredSources_ShowsNoSimulatorBadge()
    {
        Services.Configure<EggplantOptions>(options =>
            options.Sources["lab-a"] = new EggplantSourceSettings { BaseUrl = "https://lab-a.example.com/" });

        var cut = RenderLayout();

        Assert.Empty(cut.FindAll("[data-testid=simulator-badge]"));
    }

    [Fact]
    public void MainLayout_SimulatorInstanceBesideARealServer_ShowsTheSimulatorBadge()
    {
        Services.Configure<EggplantOptions>(options => options.BaseUrl = "https://dai.example.com/");
        Services.Configure<SimulatorOptions>(options => options.Instances.Add("lab-b"));

        var cut = RenderLayout();

        Assert.Single(cut.FindAll("[data-testid=simulator-badge]"));
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(parameters => parameters
            .AddCascadingValue(new DefaultHttpContext())
            .Add(layout => layout.Body, (RenderFragment)(_ => { })));
}
