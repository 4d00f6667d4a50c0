using Microsoft.Playwright;
using SutWeb.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SutWeb.Tests.EndToEnd;

/// <summary>
/// Everything from upstream is text, in every field, on both screens, under the real Content-Security-Policy, and
/// the pages work under that policy without a single violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UpstreamTextSafetyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Img = "<img src=x onerror=\"window.__xss=1\">";

    [SkippableTheory]
    [InlineData("/")]
    [InlineData("/wall")]
    public async Task Screen_MarkupInEveryField_ShowsAsTextAndNothingRuns(string path)
    {
        var chromium = browser.Require();
        var agent = WireAgents.Agent("markup-agent", 5400, "Failed", model: "<b>Bold</b>" + Img, lastLog: "<script>window.__xss=2</script>\r\n" + Img);
        var execution = agent["execution_status"]!.AsObject();
        foreach (var field in new[] { "id", "username", "type", "agentname", "initiator", "runid" })
        {
            execution[field] = $"<i>{field}</i>{Img}";
        }
        agent["process_status"] = $"<u>status</u>{Img}";
        await using var host = await QuietHost.StartAsync(0, agent);
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900);

        await session.Page.GotoAsync(new Uri(host.BaseAddress, path.TrimStart('/')).ToString());
        await session.WaitForCircuitAsync();
        if (path == "/")
        {
            await DashboardEndToEndTests.ExpandAsync(DashboardEndToEndTests.Row(session.Page, "markup-agent:5400"));
            var details = session.Page.GetByTestId("agent-details");
            await Expect(details).ToContainTextAsync("<i>initiator</i>");
            await Expect(details).ToContainTextAsync("<u>status</u>");
            await Expect(details).ToContainTextAsync("<i>username</i>");
        }
        else
        {
            await Expect(session.Page.GetByTestId("wall-tile")).ToContainTextAsync("<b>Bold</b>");
        }

        await DashboardEndToEndTests.AssertNoInjectedMarkupAsync(session.Page);
        Assert.Equal(0, await session.Page.Locator("i, u").Filter(new() { HasText = "status" }).CountAsync());
        Assert.Equal(0, await session.Page.Locator("i").Filter(new() { HasText = "initiator" }).CountAsync());
    }

    [SkippableTheory]
    [InlineData("/")]
    [InlineData("/wall")]
    public async Task Screen_UnderTheContentSecurityPolicy_WorksWithoutViolations(string path)
    {
        var chromium = browser.Require();
        await using var host = await QuietHost.StartAsync(0, WireAgents.Agent("csp-probe", 5400, "Running"));
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900);

        using var response = await host.Http.GetAsync(path.TrimStart('/'));
        await session.Page.GotoAsync(new Uri(host.BaseAddress, path.TrimStart('/')).ToString());
        await session.WaitForCircuitAsync();
        await host.PutAgentAsync("csp-later", WireAgents.Agent("csp-later", 5401, "Passed"));
        await Expect(session.Page.Locator("[data-agent-key=\"csp-later:5401\"]")).ToBeVisibleAsync();

        Assert.Contains("script-src 'self'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")));
        Assert.DoesNotContain(session.ConsoleLines, line => line.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
            || line.Contains("Refused to", StringComparison.Ordinal));
    }
}
