using System.Net;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Eggplant;

/// <summary>Sign-in refusals the simulator does not produce, from a scripted server over real HTTP.</summary>
public sealed class LicenceAndCredentialTests
{
    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "no free concurrent user licence")]
    [InlineData(HttpStatusCode.BadRequest, "incomplete")]
    [InlineData(HttpStatusCode.Unauthorized, "rejected the credentials")]
    public async Task SignIn_Refused_IsUnauthorizedNamingTheCauseAndNotRetried(HttpStatusCode status, string cause)
    {
        await using var eggplant = await ScriptedEggplantServer.StartAsync();
        eggplant.AnswerAuth(status, """{"message":"refused","description":"refused"}""");
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:BaseUrl"] = eggplant.BaseUrl,
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = "whatever-it-is",
            ["Eggplant:RetryCount"] = "3",
        });

        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Unauthorized, "health is Unauthorized");

        Assert.Contains(cause, host.Board.Current.Health.LastError);
        Assert.Equal(0, eggplant.StatusRequests);
    }
}
