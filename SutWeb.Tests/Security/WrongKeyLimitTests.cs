using System.Net;
using SutWeb.Security;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Security;

/// <summary>Guessing the access key: each wrong key is logged without it, and an address gets ten a minute.</summary>
public sealed class WrongKeyLimitTests
{
    private const string Key = "wall-screen-key-4711";

    [Fact]
    public async Task WrongKeys_EleventhInAMinute_GetsTooManyRequestsWithRetryAfterEvenForTheRightKey()
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?> { ["Security:AccessKey"] = Key });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < WrongKeyLimiter.WrongKeysPerMinute; i++)
        {
            using var wrong = await client.GetAsync($"/?key=wrong-guess-{i:D4}");
            statuses.Add(wrong.StatusCode);
        }
        using var eleventh = await client.GetAsync("/?key=wrong-guess-9999");
        using var right = await client.GetAsync($"/?key={Key}");
        using var rightInHeader = new HttpRequestMessage(HttpMethod.Get, "/readyz") { Headers = { { AccessKeyDefaults.HeaderName, Key } } };
        using var header = await client.SendAsync(rightInHeader);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        Assert.InRange(eleventh.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, header.StatusCode);
    }

    [Fact]
    public async Task WrongKeys_Logged_WithTheClientAddressAndWithoutTheKeys()
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?> { ["Security:AccessKey"] = Key });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        using var fromQuery = await client.GetAsync("/wall?key=guessed-in-the-url");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { AccessKeyDefaults.HeaderName, "guessed-in-a-header" } } };
        using var fromHeader = await client.SendAsync(request);
        using var right = await client.GetAsync($"/?key={Key}");

        var warnings = host.Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("wrong access key")).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("127.0.0.1", w));
        Assert.Contains(warnings, w => w.Contains("/wall"));
        Assert.Contains(warnings, w => w.Contains("/metrics"));
        foreach (var secret in new[] { "guessed-in-the-url", "guessed-in-a-header", Key })
        {
            Assert.DoesNotContain(secret, host.Logs.AllText, StringComparison.Ordinal);
        }
    }
}
