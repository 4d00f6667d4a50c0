using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Components.Pages;
using SutWeb.Operators;
using SutWeb.Operators.Audit;

namespace SutWeb.Tests.Components.Operators;

/// <summary>The <c>/audit</c> page: the trail for operators, a plain "operators only" for anyone else.</summary>
public sealed class AuditPageTests : DashboardTestContext
{
    private readonly MemoryAuditTrail _trail = new();

    public AuditPageTests()
    {
        Services.AddSingleton<IAuditTrail>(_trail);
    }

    [Fact]
    public async Task Audit_Operator_SeesEveryAttemptNewestFirstEscaped()
    {
        await _trail.AddAsync(Entry("lab-1", nameof(AbortOutcome.AbortRequested), null), CancellationToken.None);
        await _trail.AddAsync(Entry("<b>lab-2</b>", nameof(AbortOutcome.UpstreamFailed), "The Eggplant server answered 500."), CancellationToken.None);
        SignIn(operatorClaim: true);

        var page = Render<AuditPage>();

        var rows = page.FindAll("[data-testid=audit-entry]");
        Assert.Equal(["UpstreamFailed", "AbortRequested"], rows.Select(r => r.GetAttribute("data-result")));
        var where = page.FindAll("[data-field=where]");
        Assert.Equal("default / <b>lab-2</b>:5400", where[0].TextContent);
        Assert.Empty(page.FindAll("b"));
        Assert.Equal("Eggplant server failed: The Eggplant server answered 500.", page.FindAll("[data-field=result]")[0].TextContent);
        Assert.Equal("key:alice", page.FindAll("[data-field=who]")[0].TextContent);
        Assert.NotNull(page.Find("[data-testid=audit-in-memory]"));
    }

    [Fact]
    public async Task Audit_SignedInWithoutOperatorClaim_OperatorsOnlyAndNoEntries()
    {
        await _trail.AddAsync(Entry("lab-1", nameof(AbortOutcome.AbortRequested), null), CancellationToken.None);
        SignIn(operatorClaim: false);

        var page = Render<AuditPage>();

        Assert.Contains("Operators only", page.Find("[data-testid=audit-operators-only]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=audit-entry]"));
    }

    [Fact]
    public void Audit_NotSignedIn_OperatorsOnly()
    {
        AddAuthorization();

        var page = Render<AuditPage>();

        Assert.NotNull(page.Find("[data-testid=audit-operators-only]"));
        Assert.Empty(page.FindAll("[data-testid=audit-table]"));
    }

    private void SignIn(bool operatorClaim)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("alice");
        List<Claim> claims = [new(OperatorClaims.Who, "key:alice")];
        if (operatorClaim)
        {
            claims.Add(new Claim(OperatorClaims.Operator, "true"));
        }
        authorization.SetClaims([.. claims]);
    }

    private static AuditEntry Entry(string agent, string result, string? error) => new()
    {
        At = Start,
        Who = "key:alice",
        From = "10.0.0.7",
        Via = AuditVia.Api,
        Action = "abort",
        Source = "default",
        AgentName = agent,
        Port = 5400,
        ExecutionId = "exec-1",
        Result = result,
        Error = error,
    };
}
