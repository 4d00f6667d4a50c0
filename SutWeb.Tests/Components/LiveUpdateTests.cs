using Bunit;
using SutWeb.Components.Pages;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>Changes arrive through the board and cost only what they touch: one row per changed agent, one render per burst.</summary>
public sealed class LiveUpdateTests : DashboardTestContext
{
    private static readonly string[] Names = ["agent-01", "agent-02", "agent-03", "agent-04", "agent-05"];

    [Fact]
    public void Home_DiffForOneAgent_RerendersOnlyThatRow()
    {
        Publish([.. Names.Select(name => Agent(name, AgentState.Running))]);
        var cut = RenderHome();
        var before = RowRenders(cut);

        Publish([.. Names.Select(name => Agent(name, name == "agent-03" ? AgentState.Failed : AgentState.Running))]);

        cut.WaitForAssertion(() => Assert.Equal("failed", Row(cut, "agent-03:5400").GetAttribute("data-state")), Patience);
        var after = RowRenders(cut);
        Assert.Equal(before["agent-03:5400"] + 1, after["agent-03:5400"]);
        Assert.All(after.Where(row => row.Key != "agent-03:5400"), row => Assert.Equal(before[row.Key], row.Value));
        // The failure moved to the top without re-rendering the rows it passed.
        Assert.Equal("agent-03:5400", RowKeys(cut)[0]);
    }

    [Fact]
    public void Home_BurstOfDiffs_RendersOnce()
    {
        Publish([.. Names.Select(name => Agent(name, AgentState.Running))]);
        var cut = RenderHome();
        var pageRenders = cut.Instance.OwnRenders;
        var rowRenders = RowComponent(cut, "agent-02:5400").OwnRenders;

        for (var step = 1; step <= 5; step++)
        {
            Publish([.. Names.Select(name => Agent(name, AgentState.Running, model: name == "agent-02" ? $"Model-{step}" : "LoginFlow"))]);
        }

        cut.WaitForAssertion(
            () => Assert.Equal("Model-5", Row(cut, "agent-02:5400").QuerySelector("[data-testid=agent-model]")!.TextContent),
            Patience);
        Assert.Equal(pageRenders + 1, cut.Instance.OwnRenders);
        Assert.Equal(rowRenders + 1, RowComponent(cut, "agent-02:5400").OwnRenders);
    }

    [Fact]
    public async Task Home_HealthOnlyUpdate_DoesNotRenderThePage()
    {
        Publish(Agent("agent-01", AgentState.Running));
        var cut = RenderHome();
        var renders = cut.Instance.OwnRenders;

        PublishHealth(UpstreamState.Degraded, Clock.GetUtcNow(), "HTTP 503");

        await Eventually.UntilAsync(() => cut.Instance.SeenSnapshot.Health.State == UpstreamState.Degraded, "the page has taken in the new health");
        // Read on the renderer's dispatcher, after the update that brought the health has finished.
        var after = await cut.InvokeAsync(() => cut.Instance.OwnRenders);
        Assert.Equal(renders, after);
    }

    [Fact]
    public void Home_ChangedRow_FlashesAndAnotherChangeRestartsTheFlash()
    {
        Publish(Agent("agent-01", AgentState.Running), Agent("agent-02", AgentState.Running));
        var cut = RenderHome();
        Assert.DoesNotContain(cut.FindAll("[data-testid=agent-row]"), row => row.ClassName!.Contains("flash", StringComparison.Ordinal));

        Publish(Agent("agent-01", AgentState.Passed), Agent("agent-02", AgentState.Running));

        cut.WaitForAssertion(() => Assert.Contains("agent-row--flash-odd", Row(cut, "agent-01:5400").ClassList), Patience);
        Assert.DoesNotContain("flash", Row(cut, "agent-02:5400").ClassName!, StringComparison.Ordinal);

        Publish(Agent("agent-01", AgentState.Running), Agent("agent-02", AgentState.Running));

        cut.WaitForAssertion(() => Assert.Contains("agent-row--flash-even", Row(cut, "agent-01:5400").ClassList), Patience);
    }

    [Fact]
    public void Home_NewAgent_AppearsAndFlashes()
    {
        Publish(Agent("agent-01", AgentState.Idle));
        var cut = RenderHome();

        Publish(Agent("agent-01", AgentState.Idle), Agent("agent-02", AgentState.Running));

        cut.WaitForAssertion(() => Assert.Contains("agent-row--flash-odd", Row(cut, "agent-02:5400").ClassList), Patience);
    }

    [Fact]
    public void Home_BeforeTheFirstPoll_SaysItIsWaitingThenShowsTheAgents()
    {
        var cut = RenderHome();
        Assert.NotNull(cut.Find("[data-testid=waiting]"));

        Publish(Agent("agent-01", AgentState.Idle));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=agent-row]")), Patience);
        Assert.Empty(cut.FindAll("[data-testid=waiting]"));
    }

    [Fact]
    public void Home_FirstPollWithoutAgents_SaysNoAgentsAreConnected()
    {
        Publish();

        var cut = RenderHome();

        Assert.NotNull(cut.Find("[data-testid=no-agents]"));
    }

    [Fact]
    public void Home_ThousandAgents_ADiffRerendersOneRow()
    {
        var agents = Enumerable.Range(0, 1000).Select(i => Agent($"agent-{i:0000}", AgentState.Running)).ToArray();
        Publish(agents);
        var cut = RenderHome();
        var before = RowRenders(cut);
        const string changed = "agent-0042:5400";
        agents = [.. agents.Select(a => a.Key == changed ? a with { LastLog = "changed" } : a)];

        Publish(agents);

        cut.WaitForAssertion(() => Assert.Equal(before[changed] + 1, RowComponent(cut, changed).OwnRenders), Patience);
        var after = RowRenders(cut);
        Assert.All(after.Where(row => row.Key != changed), row => Assert.Equal(before[row.Key], row.Value));
    }
}
