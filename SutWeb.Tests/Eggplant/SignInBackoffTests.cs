using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Eggplant;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Eggplant;

/// <summary>
/// A refused sign-in is not tried on every poll (a lockout policy would lock the account): it backs off, says when the
/// next try is, and "Try again now" ends the wait. Driven by a fake clock, one poll interval at a time.
/// </summary>
public sealed class SignInBackoffTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Fact]
    public void DelayAfter_EachRefusalInARow_DoublesFromTwoIntervalsUpToFiveMinutes()
    {
        var interval = TimeSpan.FromSeconds(2);

        Assert.Equal(TimeSpan.FromSeconds(4), SignInBackoff.DelayAfter(1, interval));
        Assert.Equal(TimeSpan.FromSeconds(8), SignInBackoff.DelayAfter(2, interval));
        Assert.Equal(TimeSpan.FromSeconds(256), SignInBackoff.DelayAfter(7, interval));
        Assert.Equal(TimeSpan.FromMinutes(5), SignInBackoff.DelayAfter(8, interval));
        Assert.Equal(TimeSpan.FromMinutes(5), SignInBackoff.DelayAfter(1000, interval));
    }

    [Fact]
    public async Task SignIn_WrongPasswordForTenMinutes_SignsInAboutLog2PlusOncePerFiveMinutesNotEveryPoll()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var eggplant = await ScriptedEggplantServer.StartAsync();
        eggplant.AnswerAuth(HttpStatusCode.Unauthorized, """{"message":"bad credentials"}""");
        await using var host = await StartAsync(eggplant, clock);
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Unauthorized, "the first sign-in was refused");

        var polls = (int)(TimeSpan.FromMinutes(10) / Interval);
        for (var i = 0; i < polls; i++)
        {
            await PollAsync(host, clock);
        }

        // Waits of 2, 4, 8 … 256 s, then 300 s: 9 sign-ins in 10 minutes, where every poll (600) signed in before.
        var bound = (int)Math.Ceiling(Math.Log2(SignInBackoff.MaxDelay / Interval)) + 10 / 5 + 2;
        Assert.InRange(eggplant.AuthRequests, 2, bound);
        Assert.Equal(UpstreamState.Unauthorized, host.Board.Current.Health.State);
        Assert.Equal(polls + 1, host.Board.Current.Health.ConsecutiveFailures);
        Assert.Equal(0, eggplant.StatusRequests);
    }

    [Fact]
    public async Task SignIn_Refused_SaysWhenTheNextTryIsAndPollsInBetweenDoNotSignIn()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var eggplant = await ScriptedEggplantServer.StartAsync();
        eggplant.AnswerAuth(HttpStatusCode.Unauthorized, """{"message":"bad credentials"}""");
        await using var host = await StartAsync(eggplant, clock);
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Unauthorized, "the first sign-in was refused");
        var nextTry = clock.GetUtcNow() + 2 * Interval;

        var refused = host.Board.Current.Health;
        await PollAsync(host, clock);
        var waiting = host.Board.Current.Health;

        var at = nextTry.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.Equal(
            "The Eggplant server rejected the credentials (401 Not Authorized): check Eggplant:Username and Eggplant:Password. "
            + $"Next sign-in try at {at} UTC (in 2 s).", refused.LastError);
        Assert.Equal(UpstreamState.Unauthorized, waiting.State);
        Assert.Equal(UpstreamCause.Credentials, waiting.Cause);
        Assert.EndsWith($"Next sign-in try at {at} UTC (in 1 s).", waiting.LastError);
        Assert.DoesNotContain("not-the-password", waiting.LastError);
        Assert.Equal(1, eggplant.AuthRequests);

        await PollAsync(host, clock);

        Assert.Equal(2, eggplant.AuthRequests);
    }

    [Fact]
    public async Task TryNow_DuringALongWait_SignsInOnTheNextPollAndARightPasswordClearsIt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var eggplant = await ScriptedEggplantServer.StartAsync();
        eggplant.AnswerAuth(HttpStatusCode.Unauthorized, """{"message":"bad credentials"}""");
        await using var host = await StartAsync(eggplant, clock);
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Unauthorized, "the first sign-in was refused");
        for (var i = 0; i < 40; i++)
        {
            await PollAsync(host, clock);
        }
        var backoff = host.Services.GetRequiredService<SignInBackoff>();
        var signIns = eggplant.AuthRequests;
        Assert.NotNull(backoff.NextTryAt);
        await PollAsync(host, clock);
        Assert.Equal(signIns, eggplant.AuthRequests);

        // Someone fixed the password on the server's side and presses "Try again now".
        eggplant.AnswerAuth(HttpStatusCode.OK, """{"access_token":"scripted-token","expires_in":3600,"token_type":"bearer"}""");
        backoff.TryNow();
        await PollAsync(host, clock);

        Assert.Equal(signIns + 1, eggplant.AuthRequests);
        Assert.Equal(UpstreamState.Healthy, host.Board.Current.Health.State);
        Assert.Null(backoff.NextTryAt);
        Assert.Equal(0, backoff.Refusals);
    }

    [Theory]
    [InlineData("wrong/path/", HttpStatusCode.NotFound, null, "404 Not Found")]
    [InlineData("", HttpStatusCode.MethodNotAllowed, "application/json", "405 Method Not Allowed")]
    [InlineData("", HttpStatusCode.BadRequest, "text/html; charset=utf-8", "400 Bad Request")]
    public async Task SignIn_UrlIsNoSignIn_SaysSoNamingTheUrlWithoutBlamingThePassword(string path, HttpStatusCode status, string? contentType, string answered)
    {
        await using var eggplant = await ScriptedEggplantServer.StartAsync();
        if (contentType is not null)
        {
            eggplant.AnswerAuth(status, "<html><body>Not here</body></html>", contentType);
        }
        var baseUrl = eggplant.BaseUrl + path;
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:BaseUrl"] = baseUrl,
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = "not-the-password",
            ["Eggplant:RetryCount"] = "0",
        });

        await Eventually.UntilAsync(() => host.Board.Current.Health.ConsecutiveFailures >= 2, "two polls have failed");

        var health = host.Board.Current.Health;
        var uri = new Uri(baseUrl);
        Assert.NotEqual(UpstreamState.Unauthorized, health.State);
        Assert.Equal(UpstreamCause.WrongAddress, health.Cause);
        Assert.Equal(
            $"The Eggplant sign-in URL http://{uri.Host}:{uri.Port}/{path}auth answered {answered}: "
            + "check Eggplant:BaseUrl (it should be the server's root, e.g. https://dai.example.com/).", health.LastError);
        // Not a refusal: nothing backs off, every poll asks again.
        Assert.Null(host.Services.GetRequiredService<SignInBackoff>().NextTryAt);
    }

    private static Task<SutWebHost> StartAsync(ScriptedEggplantServer eggplant, FakeTimeProvider clock) =>
        SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:BaseUrl"] = eggplant.BaseUrl,
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = "not-the-password",
            ["Eggplant:PollInterval"] = Interval.ToString(),
            ["Eggplant:RetryCount"] = "0",
        }, s => s.AddSingleton<TimeProvider>(clock));

    /// <summary>One poll interval on the fake clock, waiting until that tick's poll has finished.</summary>
    private static async Task PollAsync(SutWebHost host, FakeTimeProvider clock)
    {
        var poller = host.Services.GetRequiredService<PollerStatus>();
        // Polls start only on the fake clock's ticks, and each call here waits for its tick's poll: once one has
        // completed (the first, at start), none is in flight.
        await Eventually.UntilAsync(() => poller.CompletedPolls > 0, "the first poll has finished");
        var completed = poller.CompletedPolls;
        clock.Advance(Interval);
        await Eventually.UntilAsync(() => poller.CompletedPolls > completed, "the tick's poll has finished");
    }
}
