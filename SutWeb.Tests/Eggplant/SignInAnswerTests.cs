using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Eggplant;

/// <summary>A sign-in answer that stalls or is far too large is an upstream error, and polling goes on.</summary>
public sealed class SignInAnswerTests
{
    private static readonly byte[] Token = """{"access_token":"sign-in-test-token","expires_in":3600,"token_type":"bearer"}"""u8.ToArray();

    [Fact]
    public async Task SignIn_BodyStallsAfterHalf_TimesOutWithinTheDeadlineAndPollsGoOn()
    {
        await using var eggplant = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/auth", (HttpContext context) => LoopbackServer.StallAfterHalfAsync(context, Token));
            app.MapPost("/api/sut/status", () => Results.Text("[]", "application/json"));
        });
        await using var host = await StartAsync(eggplant);
        var poller = host.Services.GetRequiredService<PollerStatus>();

        await Eventually.UntilAsync(() => poller.CompletedPolls >= 3, "three polls have completed despite the stalled sign-in");

        var health = host.Board.Current.Health;
        Assert.NotEqual(UpstreamState.Healthy, health.State);
        Assert.Equal("The Eggplant sign-in did not send its whole answer within 1 s (Eggplant:RequestTimeout).", health.LastError);
    }

    [Fact]
    public async Task SignIn_AnswerOver64KiB_IsAnUpstreamErrorNotAToken()
    {
        var huge = Encoding.UTF8.GetBytes($$"""{"access_token":"{{new string('t', 100 * 1024)}}","expires_in":3600}""");
        await using var eggplant = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/auth", () => Results.Bytes(huge, "application/json"));
            app.MapPost("/api/sut/status", () => Results.Text("[]", "application/json"));
        });
        await using var host = await StartAsync(eggplant);
        var poller = host.Services.GetRequiredService<PollerStatus>();

        await Eventually.UntilAsync(() => poller.CompletedPolls >= 2, "two polls have completed");

        var health = host.Board.Current.Health;
        Assert.NotEqual(UpstreamState.Healthy, health.State);
        Assert.Contains("The Eggplant sign-in answered with more than 64 KiB", health.LastError);
    }

    private static Task<SutWebHost> StartAsync(LoopbackServer eggplant) =>
        SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:BaseUrl"] = eggplant.BaseUrl,
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = "sign-in-test",
            ["Eggplant:RequestTimeout"] = "00:00:01",
        });
}
