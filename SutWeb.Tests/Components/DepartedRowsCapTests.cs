using Bunit;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>The desk keeps at most Dashboard:MaxDepartedRows greyed rows; the oldest departures go first.</summary>
public sealed class DepartedRowsCapTests() : DashboardTestContext(new Dictionary<string, string?>
{
    ["Dashboard:DisconnectedRetention"] = "01:00:00",
    ["Dashboard:MaxDepartedRows"] = "2",
})
{
    [Fact]
    public void Home_MoreDeparturesThanTheCap_DropsTheOldestFirstWithinTheRetention()
    {
        string[] names = ["agent-01", "agent-02", "agent-03", "agent-04", "agent-05"];
        Publish([.. names.Select(n => Agent(n, AgentState.Running))]);
        var cut = RenderHome();

        // agent-03 leaves first, then agent-01, then agent-05: three departures a minute apart, all within the hour.
        foreach (var gone in new[] { "agent-03", "agent-01", "agent-05" })
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            names = [.. names.Where(n => n != gone)];
            Publish([.. names.Select(n => Agent(n, AgentState.Running))]);
            cut.WaitForAssertion(() => Assert.Equal("true", Row(cut, gone + ":5400").GetAttribute("data-disconnected")), Patience);
        }

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-agent-key=\"agent-03:5400\"]")), Patience);
        Assert.Equal(["agent-01:5400", "agent-02:5400", "agent-04:5400", "agent-05:5400"], RowKeys(cut).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["agent-01:5400", "agent-05:5400"],
            cut.FindAll("[data-testid=agent-row][data-disconnected=true]").Select(r => r.GetAttribute("data-agent-key")).Order(StringComparer.Ordinal));
    }
}
