using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Components.Agents;
using SutWeb.Components.Styling;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>Expanding a row shows everything the server says about the agent, with the last log as it was written.</summary>
public sealed class AgentDetailsTests : DashboardTestContext
{
    private static AgentView FullyDescribed(string? log = "Step 1: open the app\nStep 2: log in\n    indented detail\n\nStep 4: done") => new()
    {
        Key = "agent-07:5406",
        AgentName = "agent-07",
        Port = 5406,
        ProcessId = 26772,
        State = AgentState.Failed,
        ProcessStatus = "exited",
        LastLog = log,
        Execution = new ExecutionView
        {
            Id = "exec-42",
            ModelName = "LoginFlow",
            UserName = "martin.dann@eggplant.io",
            StartTime = new DateTimeOffset(2026, 11, 29, 9, 58, 1, TimeSpan.Zero),
            EndTime = new DateTimeOffset(2026, 11, 29, 9, 59, 30, TimeSpan.Zero),
            Type = "model",
            AgentName = "agent-07-exec",
            Initiator = "api",
            RunId = "run-9001",
            Status = "failed",
            ProcessId = 26773,
        },
    };

    [Fact]
    public void AgentRow_Expand_ShowsEveryExecutionFieldAndTheLogWithItsLineBreaks()
    {
        var agent = FullyDescribed();
        Publish(agent);
        var cut = RenderHome();
        Assert.Empty(cut.FindAll("[data-testid=agent-details]"));

        Row(cut, agent.Key).QuerySelector("[data-testid=expand]")!.Click();

        var details = cut.WaitForElement("[data-testid=agent-details]", Patience);
        string Field(string name) => details.QuerySelector($"[data-field={name}]")!.TextContent;
        Assert.Equal("exec-42", Field("id"));
        Assert.Equal("LoginFlow", Field("model"));
        Assert.Equal("martin.dann@eggplant.io", Field("user"));
        Assert.Equal("2026-11-29 09:58:01 UTC", Field("start"));
        Assert.Equal("2026-11-29 09:59:30 UTC", Field("end"));
        Assert.Equal("model", Field("type"));
        Assert.Equal("agent-07-exec", Field("agent"));
        Assert.Equal("api", Field("initiator"));
        Assert.Equal("run-9001", Field("run-id"));
        Assert.Equal("failed", Field("status"));
        Assert.Equal("26773", Field("process-id"));
        Assert.Equal("exited", Field("process-status"));
        var log = cut.Find("[data-testid=last-log]");
        Assert.Equal("PRE", log.TagName);
        Assert.Equal(agent.LastLog, log.TextContent);
        Assert.Equal("true", Row(cut, agent.Key).QuerySelector("[data-testid=expand]")!.GetAttribute("aria-expanded"));
    }

    [Fact]
    public void AgentRow_ExpandTwice_ClosesTheDetails()
    {
        Publish(FullyDescribed());
        var cut = RenderHome();

        cut.Find("[data-testid=expand]").Click();
        cut.WaitForElement("[data-testid=agent-details]", Patience);
        cut.Find("[data-testid=expand]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=agent-details]")), Patience);
    }

    [Fact]
    public void AgentDetails_ViewerInTokyo_ShowsTimesInTheViewersZone()
    {
        Publish(FullyDescribed());
        var cut = RenderHome();
        var viewerTime = Services.GetRequiredService<ViewerTime>();
        cut.InvokeAsync(() => viewerTime.SetZone("Asia/Tokyo"));

        cut.Find("[data-testid=expand]").Click();

        var details = cut.WaitForElement("[data-testid=agent-details]", Patience);
        Assert.Equal("2026-11-29 18:58:01", details.QuerySelector("[data-field=start]")!.TextContent);
        cut.WaitForAssertion(
            () => Assert.Equal("18:58:01", Row(cut, "agent-07:5406").QuerySelector("[data-testid=agent-start]")!.TextContent),
            Patience);
    }

    [Fact]
    public void LastLog_MoreThanTwentyLines_ShowsTheLastLinesUntilShowAll()
    {
        var lines = Enumerable.Range(1, 45).Select(i => $"line {i}").ToList();
        Publish(FullyDescribed(log: string.Join('\n', lines)));
        var cut = RenderHome();
        cut.Find("[data-testid=expand]").Click();

        var log = cut.WaitForElement("[data-testid=last-log]", Patience);
        Assert.Equal(string.Join('\n', lines.Skip(45 - LastLog.CollapsedLines)), log.TextContent);
        Assert.Contains("25 earlier lines hidden", cut.Find("[data-testid=log-hidden-lines]").TextContent);

        cut.Find("[data-testid=show-all-log]").Click();

        cut.WaitForAssertion(() => Assert.Equal(string.Join('\n', lines), cut.Find("[data-testid=last-log]").TextContent), Patience);
        Assert.Empty(cut.FindAll("[data-testid=log-hidden-lines]"));
    }

    [Fact]
    public void LastLog_Truncated_ShowsATruncatedMark()
    {
        Publish(FullyDescribed() with { LastLogTruncated = true });
        var cut = RenderHome();

        cut.Find("[data-testid=expand]").Click();

        var mark = cut.WaitForElement("[data-testid=log-truncated]", Patience);
        Assert.Equal("truncated", mark.TextContent.Trim());
    }

    [Fact]
    public void LastLog_NotTruncated_HasNoTruncatedMark()
    {
        Publish(FullyDescribed());
        var cut = RenderHome();

        cut.Find("[data-testid=expand]").Click();

        cut.WaitForElement("[data-testid=last-log]", Patience);
        Assert.Empty(cut.FindAll("[data-testid=log-truncated]"));
    }

    [Fact]
    public void LastLog_Copy_PutsTheWholeLogOnTheClipboard()
    {
        var agent = FullyDescribed();
        Publish(agent);
        JSInterop.Setup<bool>("sutwebDashboard.copyText", _ => true).SetResult(true);
        var cut = RenderHome();
        cut.Find("[data-testid=expand]").Click();

        cut.WaitForElement("[data-testid=copy-log]", Patience).Click();

        var call = JSInterop.VerifyInvoke("sutwebDashboard.copyText");
        Assert.Equal(agent.LastLog, call.Arguments[0]);
    }

    [Fact]
    public void AgentDetails_NoExecution_SaysSoAndStillShowsTheProcessStatus()
    {
        Publish(Agent("idle-one", AgentState.Idle));
        var cut = RenderHome();

        cut.Find("[data-testid=expand]").Click();

        var details = cut.WaitForElement("[data-testid=agent-details]", Patience);
        Assert.NotNull(details.QuerySelector("[data-testid=no-execution]"));
        Assert.Equal("running", details.QuerySelector("[data-field=process-status]")!.TextContent);
        Assert.NotNull(details.QuerySelector("[data-testid=no-log]"));
    }
}
