using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Components.Operators;
using SutWeb.Operators;
using SutWeb.Shared.Mapping;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components.Operators;

/// <summary>The agent page's "Abort run" follows the board: there while the agent runs, gone when the run ends.</summary>
public sealed class AgentPageAbortTests : DashboardTestContext
{
    private IRenderedComponent<AgentPageAbort> RenderFor(bool isOperator)
    {
        Services.AddSingleton<IRunAborter>(new RecordingRunAborter());
        var authorization = AddAuthorization();
        authorization.SetAuthorized("Dana Operator");
        authorization.SetClaims(isOperator
            ? [new Claim(OperatorClaims.Who, "Dana Operator"), new Claim(OperatorClaims.Operator, "true")]
            : [new Claim(OperatorClaims.Who, "Dana Operator")]);
        return Render<AgentPageAbort>(p => p
            .Add(a => a.Source, AgentKeys.DefaultSource)
            .Add(a => a.AgentName, "agent-07"));
    }

    [Fact]
    public void AgentPageAbort_Operator_SeesItWhileTheAgentRunsAndNotAfter()
    {
        Publish(Agent("agent-07", AgentState.Running), Agent("agent-08", AgentState.Running));
        var cut = RenderFor(isOperator: true);

        Assert.Single(cut.FindAll("[data-testid=abort-run]"));

        Publish(Agent("agent-07", AgentState.Passed), Agent("agent-08", AgentState.Running));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=abort-run]")), Patience);
    }

    [Fact]
    public void AgentPageAbort_NotAnOperator_ShowsNothing()
    {
        Publish(Agent("agent-07", AgentState.Running));

        var cut = RenderFor(isOperator: false);

        Assert.Empty(cut.FindAll("[data-testid=abort-run]"));
    }
}
