using SutWeb.Notifications;
using SutWeb.Notifications.Channels;

namespace SutWeb.Tests.Notifications;

public sealed class SecretRedactionTests
{
    [Theory]
    [InlineData("https://hooks.slack.com/services/T000/B000/XXXX", "hooks.slack.com")]
    [InlineData("https://prod-12.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=tok", "prod-12.westus.logic.azure.com")]
    [InlineData("http://127.0.0.1:5055/hook?token=abc", "127.0.0.1:5055")]
    [InlineData("https://user:pass@example.com/x", "example.com")]
    [InlineData("not a url", "(invalid URL)")]
    [InlineData("", "(no URL)")]
    [InlineData(null, "(no URL)")]
    public void Host_OfAWebhookUrl_IsTheHostAndPortOnly(string? url, string expected) =>
        Assert.Equal(expected, SecretRedaction.Host(url));

    [Fact]
    public void Scrub_TextHoldingTheUrlItsPathTheSecretAndThePassword_HidesEachOfThem()
    {
        var options = new ChannelOptions
        {
            Url = "https://hooks.example.com/services/T1/B2/tok%20en?sig=abc",
            Secret = "hmac-key",
            Password = "pw-1234",
        };
        var text = "POST https://hooks.example.com/services/T1/B2/tok%20en?sig=abc failed; path /services/T1/B2/tok en?sig=abc; "
            + "key HMAC-KEY; password pw-1234; host hooks.example.com";

        var scrubbed = SecretRedaction.Scrub(text, options);

        Assert.DoesNotContain("T1/B2", scrubbed);
        Assert.DoesNotContain("sig=abc", scrubbed);
        Assert.DoesNotContain("hmac-key", scrubbed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pw-1234", scrubbed);
        Assert.Contains("host hooks.example.com", scrubbed);
    }

    [Fact]
    public void Destination_OfAnEmailChannel_IsTheSmtpHostAndPort() =>
        Assert.Equal("smtp.example.com:587", SecretRedaction.Destination(new ChannelOptions { Type = ChannelType.Email, Host = "smtp.example.com", Password = "x" }));
}
