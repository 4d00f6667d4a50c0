using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Components.Styling;
using SutWeb.Eggplant;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Components;

/// <summary>
/// On <c>/</c>, the cause of an outage is visible text that says what to do (not only a tooltip), with the technical
/// detail below it; while a refused sign-in backs off, "Try again now" ends the wait.
/// </summary>
public sealed class HealthAlertTests : DashboardTestContext
{
    private const string Refused = "The Eggplant server rejected the credentials (401 Not Authorized): check Eggplant:Username and Eggplant:Password.";

    public HealthAlertTests() =>
        Services.Configure<EggplantOptions>(options => options.BaseUrl = "http://dai.example.com:8080/");

    [Fact]
    public void Home_ConnectionRefused_SaysWhatToCheckWithTheTechnicalCauseBelow()
    {
        const string refused = "Cannot reach the Eggplant server at dai.example.com:8080: Connection refused (dai.example.com:8080)";
        Board.PublishHealth(new UpstreamHealth
        {
            State = UpstreamState.Unreachable,
            LastError = refused,
            ConsecutiveFailures = 5,
            Cause = UpstreamCause.Network,
        });

        var cut = RenderHome();

        Assert.Equal("Cannot reach the Eggplant server at dai.example.com:8080: is it running, and is Eggplant:BaseUrl right?",
            cut.Find("[data-testid=health-advice]").TextContent.Trim());
        Assert.Equal(refused, cut.Find("[data-testid=health-detail]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=try-now]"));
        // A region, not a live alert: its detail changes with every poll, which a screen reader would announce each time.
        Assert.Equal("region", cut.Find("[data-testid=health-alert]").GetAttribute("role"));
    }

    [Fact]
    public void Home_CredentialsRefused_NamesTheSettingsToCheck()
    {
        Board.PublishHealth(new UpstreamHealth { State = UpstreamState.Unauthorized, LastError = Refused, ConsecutiveFailures = 1, Cause = UpstreamCause.Credentials });

        var cut = RenderHome();

        Assert.Equal("The Eggplant server at dai.example.com:8080 refused the credentials: check Eggplant:Username and Eggplant:Password.",
            cut.Find("[data-testid=health-advice]").TextContent.Trim());
    }

    [Fact]
    public void Home_OnePollFailedWithDataOnScreen_ShowsNoAlert()
    {
        Publish();
        Board.PublishHealth(new UpstreamHealth
        {
            State = UpstreamState.Degraded,
            LastSuccessAt = Clock.GetUtcNow(),
            LastError = "The Eggplant server answered 502 Bad Gateway.",
            ConsecutiveFailures = 1,
            Cause = UpstreamCause.HttpError,
        });

        var cut = RenderHome();

        Assert.Empty(cut.FindAll("[data-testid=health-alert]"));
    }

    [Fact]
    public void TryNow_WhileASignInBacksOff_EndsTheWait()
    {
        var backoff = Services.GetRequiredService<SignInBackoff>();
        var refusal = backoff.Refused(new EggplantException(UpstreamFailureKind.Unauthorized, Refused));
        Board.PublishHealth(new UpstreamHealth { State = UpstreamState.Unauthorized, LastError = refusal.Message, ConsecutiveFailures = 1, Cause = refusal.Cause });
        var cut = RenderHome();
        Assert.Equal(Start + TimeSpan.FromSeconds(4), backoff.NextTryAt);
        Assert.EndsWith("Next sign-in try at 10:00:04 UTC (in 4 s).", cut.Find("[data-testid=health-detail]").TextContent.Trim());

        cut.Find("[data-testid=try-now]").Click();

        Assert.Null(backoff.NextTryAt);
        Assert.Equal("Trying again at the next poll…", cut.Find("[data-testid=try-now-pending]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=try-now]"));
    }

    [Fact]
    public void Home_NeverHadData_SaysWhoItIsWaitingFor()
    {
        var cut = RenderHome();

        Assert.Equal("Waiting for the first answer from the Eggplant server at dai.example.com:8080…",
            cut.Find("[data-testid=waiting]").TextContent.Trim());
    }

    [Fact]
    public void Advice_EveryCause_SaysWhatToCheck()
    {
        var upstream = UpstreamSource.Of(new EggplantOptions { BaseUrl = "https://dai.example.com/" });

        foreach (var cause in Enum.GetValues<UpstreamCause>())
        {
            var advice = HealthDisplay.Advice(new UpstreamHealth { State = UpstreamState.Unreachable, Cause = cause }, upstream);
            Assert.False(string.IsNullOrWhiteSpace(advice), $"no advice for {cause}");
            Assert.Contains(":", advice);
        }
    }
}
