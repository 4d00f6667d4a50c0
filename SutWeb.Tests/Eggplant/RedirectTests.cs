using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Eggplant;

/// <summary>
/// A redirect from the sign-in or the status URL is an upstream error naming where it pointed, and nothing (above all
/// not the password) is sent there: a second loopback server stands for the other host and counts what it gets.
/// </summary>
public sealed class RedirectTests
{
    private const string Password = "redirect-test-password";

    [Fact]
    public async Task SignIn_307ToAnotherHost_IsAnUpstreamErrorNamingItAndThePasswordStaysHome()
    {
        await using var elsewhere = await LoopbackServer.StartAsync();
        await using var eggplant = await LoopbackServer.StartAsync(app =>
            app.MapPost("/auth", () => Results.Redirect(elsewhere.BaseUrl + "auth", permanent: false, preserveMethod: true)));

        await using var host = await StartAsync(eggplant);

        AssertRefusedRedirect(host, elsewhere, "The Eggplant sign-in answered 307");
    }

    [Fact]
    public async Task Status_302ToAnotherHost_IsAnUpstreamErrorNamingItAndNothingIsSentThere()
    {
        await using var elsewhere = await LoopbackServer.StartAsync();
        await using var eggplant = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/auth", () => Results.Text("""{"access_token":"redirect-test-token","expires_in":3600}""", "application/json"));
            app.MapPost("/api/sut/status", () => Results.Redirect(elsewhere.BaseUrl + "api/sut/status"));
        });

        await using var host = await StartAsync(eggplant);

        AssertRefusedRedirect(host, elsewhere, "The Eggplant server answered 302");
    }

    private static async Task<SutWebHost> StartAsync(LoopbackServer eggplant)
    {
        var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:BaseUrl"] = eggplant.BaseUrl,
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = Password,
        });
        var poller = host.Services.GetRequiredService<PollerStatus>();
        await Eventually.UntilAsync(() => poller.CompletedPolls >= 3, "three polls have completed");
        return host;
    }

    private static void AssertRefusedRedirect(SutWebHost host, LoopbackServer elsewhere, string answered)
    {
        var health = host.Board.Current.Health;
        Assert.NotEqual(UpstreamState.Healthy, health.State);
        Assert.Contains(answered, health.LastError);
        Assert.Contains($"a redirect to http://{elsewhere.Authority}", health.LastError);
        Assert.Equal(0, elsewhere.Requests);
        Assert.DoesNotContain(Password, host.Logs.AllText);
    }
}
