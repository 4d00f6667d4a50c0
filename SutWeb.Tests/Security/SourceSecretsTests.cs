using System.Net;
using System.Text.Json;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Security;

/// <summary>Two sources with their own credentials: each one's failure names its own settings, and no secret shows anywhere.</summary>
public sealed class SourceSecretsTests
{
    private const string LabAPassword = "lab-a-Pa55-never-shown";
    private const string LabBSecret = "lab-b-S3cret-never-shown";

    [Fact]
    public async Task TwoSources_OneRefusesSignInOtherFails_ErrorsNameOwnSettingsAndNoSecretShows()
    {
        await using var labA = await ScriptedEggplantServer.StartAsync();
        await using var labB = await ScriptedEggplantServer.StartAsync();
        labA.AnswerAuth(HttpStatusCode.Unauthorized, """{"error":"bad credentials"}""");
        labB.AnswerStatus([], HttpStatusCode.ServiceUnavailable);
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:Sources:lab-a:BaseUrl"] = labA.BaseUrl,
            ["Eggplant:Sources:lab-a:Username"] = "sutweb-a",
            ["Eggplant:Sources:lab-a:Password"] = LabAPassword,
            ["Eggplant:Sources:lab-a:DisplayName"] = "Lab A",
            ["Eggplant:Sources:lab-b:BaseUrl"] = labB.BaseUrl,
            ["Eggplant:Sources:lab-b:TokenUrl"] = labB.BaseUrl + "auth",
            ["Eggplant:Sources:lab-b:ClientId"] = "sutweb-b",
            ["Eggplant:Sources:lab-b:ClientSecret"] = LabBSecret,
            ["Eggplant:Sources:lab-b:DisplayName"] = "Lab B",
            ["Eggplant:RetryCount"] = "0",
        });
        await Eventually.UntilAsync(
            () => host.Board.SourceHealth("lab-a").State == UpstreamState.Unauthorized && host.Board.SourceHealth("lab-b").ConsecutiveFailures > 0,
            "lab-a refuses the sign-in and lab-b fails");
        await using var probe = await HubProbe.ConnectAsync(host.BaseAddress);
        using var readyz = await host.Http.GetAsync("/readyz");
        var readyzBody = await readyz.Content.ReadAsStringAsync();
        var snapshotHealth = JsonSerializer.Serialize(probe.State!.Health, JsonSerializerOptions.Web);
        var page = await host.Http.GetStringAsync("/");

        var labAError = host.Board.SourceHealth("lab-a").LastError!;
        var labBError = host.Board.SourceHealth("lab-b").LastError!;
        Assert.Contains("Eggplant:Sources:lab-a:Username and Eggplant:Sources:lab-a:Password", labAError);
        Assert.Contains("Lab A", labAError);
        Assert.DoesNotContain("lab-b", labAError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Eggplant:Username", labAError);
        Assert.Contains("The Eggplant server of Lab B answered 503", labBError);
        Assert.DoesNotContain("lab-a", labBError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyz.StatusCode);
        Assert.Contains("Eggplant:Sources:lab-a:Password", readyzBody);
        Assert.Equal(2, probe.State.Health.Sources!.Count);
        Assert.NotEmpty(host.Logs.AllText);
        foreach (var secret in new[] { LabAPassword, LabBSecret })
        {
            Assert.DoesNotContain(secret, host.Logs.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, readyzBody, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, snapshotHealth, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, string.Join('\n', probe.RawMessages), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
        }
    }
}
