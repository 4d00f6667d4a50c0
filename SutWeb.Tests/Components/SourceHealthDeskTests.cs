using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Eggplant;
using SutWeb.Eggplant.Sources;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;
using static SutWeb.Tests.Components.SourceBoard;

namespace SutWeb.Tests.Components;

/// <summary>
/// On <c>/</c> with two sources, one failing greys only its own agents (with the word "stale", not colour alone) and
/// gets an alert that names it and its own settings; the other source's rows and silence stay as they were.
/// </summary>
public sealed class SourceHealthDeskTests : DashboardTestContext
{
    public SourceHealthDeskTests() => Services.Configure<EggplantOptions>(Configure);

    [Fact]
    public void Home_LabBFails_GreysOnlyLabBRowsWithAWordedCue()
    {
        PublishBoth(Board, Clock.GetUtcNow(), Agent("mac"), Agent("win"));
        var cut = RenderHome();
        Assert.Empty(cut.FindAll("[data-testid=agent-row][data-stale]"));
        var defaultRenders = DefaultRowRenders(cut);

        // A failed poll: Lab B's data on screen is no longer live, the default source's is.
        Board.PublishHealth(LabB, LabBName, Healthy(Clock.GetUtcNow(), PollInterval) with
        {
            State = UpstreamState.Degraded, LastError = "HTTP 502", ConsecutiveFailures = 1, Cause = UpstreamCause.HttpError,
        });

        cut.WaitForAssertion(() => Assert.Equal(["lab-b/mac:5400", "lab-b/win:5400"], StaleRowKeys(cut)), Patience);
        var row = Row(cut, "lab-b/mac:5400");
        Assert.Contains("agent-row--stale", row.ClassList);
        Assert.Equal("Data from Lab B is stale.", row.QuerySelector("[data-testid=stale-cue] .sutweb-visually-hidden")!.TextContent);
        Assert.Equal("stale", row.QuerySelector("[data-testid=stale-cue] [aria-hidden=true]")!.TextContent);
        Assert.DoesNotContain("agent-row--stale", Row(cut, "mac:5400").ClassList);
        Assert.Null(Row(cut, "mac:5400").QuerySelector("[data-testid=stale-cue]"));
        // Only Lab B's rows rendered again.
        Assert.Equal(defaultRenders, DefaultRowRenders(cut));

        Board.PublishHealth(LabB, LabBName, Healthy(Clock.GetUtcNow(), PollInterval));

        cut.WaitForAssertion(() => Assert.Empty(StaleRowKeys(cut)), Patience);
    }

    [Fact]
    public void Home_EachSourceJudgedByItsOwnInterval_OnlyTheOneOverThreeOfItsIntervalsGreys()
    {
        PublishBoth(Board, Clock.GetUtcNow(), Agent("mac"));
        Board.PublishHealth(LabB, LabBName, Healthy(Clock.GetUtcNow(), TimeSpan.FromSeconds(15)));
        var cut = RenderHome();

        // Seven seconds without a poll: over three of default's 2 s, under three of Lab B's 15 s (a quiet source).
        Clock.Advance(TimeSpan.FromSeconds(7));

        cut.WaitForAssertion(() => Assert.Equal(["mac:5400"], StaleRowKeys(cut)), Patience);
        Assert.Null(Row(cut, "lab-b/mac:5400").GetAttribute("data-stale"));
        Assert.Equal("Data from dai.example.com:8080 is stale.",
            Row(cut, "mac:5400").QuerySelector("[data-testid=stale-cue] .sutweb-visually-hidden")!.TextContent);

        Clock.Advance(TimeSpan.FromSeconds(39));

        cut.WaitForAssertion(() => Assert.Equal(["lab-b/mac:5400", "mac:5400"], StaleRowKeys(cut)), Patience);
    }

    [Fact]
    public void Home_LabBUnreachable_AlertNamesLabBAndItsOwnSetting()
    {
        PublishBoth(Board, Clock.GetUtcNow(), Agent("mac"));
        Board.PublishHealth(LabB, LabBName, new UpstreamHealth
        {
            State = UpstreamState.Unreachable,
            LastSuccessAt = Clock.GetUtcNow(),
            LastError = "Cannot reach the Eggplant server at lab-b.example.com: Connection refused",
            ConsecutiveFailures = 5,
            Cause = UpstreamCause.Network,
            PollIntervalSeconds = PollInterval.TotalSeconds,
        });

        var cut = RenderHome();

        var alert = cut.Find("[data-testid=health-alert]");
        Assert.Equal("lab-b", alert.GetAttribute("data-source"));
        Assert.Equal("Connection to Lab B", alert.GetAttribute("aria-label"));
        Assert.Equal("Lab B — Eggplant server unreachable since 10:00 UTC", cut.Find("[data-testid=health-alert-source]").TextContent.Trim());
        Assert.Equal("Cannot reach the Eggplant server at lab-b.example.com: is it running, and is Eggplant:Sources:lab-b:BaseUrl right?",
            cut.Find("[data-testid=health-advice]").TextContent.Trim());
        Assert.Equal("Cannot reach the Eggplant server at lab-b.example.com: Connection refused", cut.Find("[data-testid=health-detail]").TextContent.Trim());
        // The healthy default source says nothing; Lab B's agents are greyed.
        Assert.Single(cut.FindAll("[data-testid=health-alert]"));
        Assert.Equal(["lab-b/mac:5400"], StaleRowKeys(cut));
    }

    [Fact]
    public void Home_BothSourcesFail_OneAlertEachNamingIt()
    {
        PublishBoth(Board, Clock.GetUtcNow(), Agent("mac"));
        Board.PublishHealth(EggplantSource.DefaultId, DefaultName, new UpstreamHealth
        {
            State = UpstreamState.Unauthorized, LastError = "refused", ConsecutiveFailures = 1, Cause = UpstreamCause.Credentials,
        });
        Board.PublishHealth(LabB, LabBName, new UpstreamHealth
        {
            State = UpstreamState.Degraded, LastError = "HTTP 502", ConsecutiveFailures = 1, Cause = UpstreamCause.HttpError,
        });

        var cut = RenderHome();

        Assert.Equal(["default", "lab-b"], cut.FindAll("[data-testid=health-alert]").Select(a => a.GetAttribute("data-source")));
        Assert.Equal(
            ["dai.example.com:8080 — Unauthorized: check the Eggplant credentials", "Lab B — Retrying · no data yet"],
            cut.FindAll("[data-testid=health-alert-source]").Select(s => s.TextContent.Trim()));
        Assert.Equal(
            [
                "The Eggplant server at dai.example.com:8080 refused the credentials: check Eggplant:Username and Eggplant:Password.",
                "The Eggplant server at lab-b.example.com answers with an error: check the server and its log.",
            ],
            cut.FindAll("[data-testid=health-advice]").Select(s => s.TextContent.Trim()));
        Assert.Equal(["lab-b/mac:5400", "mac:5400"], StaleRowKeys(cut));
    }

    [Fact]
    public void Home_OneSourceGoesStale_GreysEveryRow()
    {
        Publish(Agent("mac"), Agent("win"));
        PublishHealth(UpstreamState.Healthy, Clock.GetUtcNow());
        var cut = RenderHome();
        Assert.Empty(StaleRowKeys(cut));

        Clock.Advance(PollInterval * 4);

        cut.WaitForAssertion(() => Assert.Equal(["mac:5400", "win:5400"], StaleRowKeys(cut)), Patience);
        Assert.Equal("Data is stale.", Row(cut, "win:5400").QuerySelector("[data-testid=stale-cue] .sutweb-visually-hidden")!.TextContent);
        // Healthy but old data: the header says so; no alert moves the page.
        Assert.Empty(cut.FindAll("[data-testid=health-alert]"));
    }

    private static List<string> StaleRowKeys(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut) =>
        [.. cut.FindAll("[data-testid=agent-row][data-stale=true]").Select(r => r.GetAttribute("data-agent-key")!).Order(StringComparer.Ordinal)];

    private static Dictionary<string, int> DefaultRowRenders(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut) =>
        RowRenders(cut).Where(r => !r.Key.StartsWith(LabB + "/", StringComparison.Ordinal)).ToDictionary();
}
