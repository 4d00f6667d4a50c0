using SutWeb.Notifications;
using SutWeb.Notifications.Channels;

namespace SutWeb.Tests.Notifications;

public sealed class ChannelOptionsValidatorTests
{
    private static IReadOnlyList<string> Errors(string name, ChannelOptions channel)
    {
        var options = new NotificationOptions();
        options.Channels[name] = channel;
        var result = new ChannelOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures!] : [];
    }

    [Fact]
    public void Validate_GoodChannelsOfEachType_Pass()
    {
        var options = new NotificationOptions();
        options.Channels["hook"] = new ChannelOptions { Type = ChannelType.Webhook, Url = "https://example.com/h", Secret = "s", Headers = { ["X-Team"] = "qa" } };
        options.Channels["slack"] = new ChannelOptions { Type = ChannelType.Slack, Url = "https://hooks.slack.com/services/T/B/X" };
        options.Channels["teams"] = new ChannelOptions { Type = ChannelType.Teams, Url = "http://127.0.0.1:8080/x" };
        options.Channels["mail"] = new ChannelOptions { Type = ChannelType.Email, Host = "smtp.example.com", From = "SutWeb <sutweb@example.com>", To = ["qa@example.com"] };

        Assert.True(new ChannelOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_MissingUrl_NamesTheSetting() =>
        Assert.Equal(["Notifications:Channels:ops:Url must be set: the Slack incoming webhook's address (a Slack channel)."],
            Errors("ops", new ChannelOptions { Type = ChannelType.Slack }));

    [Theory]
    [InlineData("hooks.slack.com/services/T/B/SECRETTOKEN")]
    [InlineData("ftp://example.com/SECRETTOKEN")]
    [InlineData("/relative/SECRETTOKEN")]
    public void Validate_BadUrl_NamesTheSettingWithoutQuotingIt(string url)
    {
        var error = Assert.Single(Errors("ops", new ChannelOptions { Type = ChannelType.Webhook, Url = url }));

        Assert.StartsWith("Notifications:Channels:ops:Url must be an absolute https (or http) address", error);
        Assert.DoesNotContain("SECRETTOKEN", error);
    }

    [Fact]
    public void Validate_EmailWithNothingSet_NamesHostFromAndTo()
    {
        var errors = Errors("mail", new ChannelOptions { Type = ChannelType.Email });

        Assert.Contains("Notifications:Channels:mail:Host must name the SMTP server (an Email channel).", errors);
        Assert.Contains("Notifications:Channels:mail:From must be set: the sender's address (an Email channel).", errors);
        Assert.Contains(errors, e => e.StartsWith("Notifications:Channels:mail:To must name at least one recipient", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EmailWithBadAddressesPortAndLonePassword_NamesEach()
    {
        var errors = Errors("mail", new ChannelOptions
        {
            Type = ChannelType.Email, Host = "smtp.example.com", Port = 0, From = "not an address", To = ["qa@example.com", "nobody"],
            Password = "hunter22",
        });

        Assert.Contains("Notifications:Channels:mail:Port must be from 1 to 65535 (is 0).", errors);
        Assert.Contains("Notifications:Channels:mail:From is not an email address ('not an address').", errors);
        Assert.Contains("Notifications:Channels:mail:To:1 is not an email address ('nobody').", errors);
        Assert.Contains(errors, e => e.StartsWith("Notifications:Channels:mail:Password is set without Notifications:Channels:mail:Username", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("hunter22", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadAndReservedHeaderNames_NameTheHeader()
    {
        var errors = Errors("hook", new ChannelOptions
        {
            Type = ChannelType.Webhook,
            Url = "https://example.com/h",
            Headers = { ["Bad Name"] = "x", ["X-SutWeb-Signature"] = "forged", ["X-Ok"] = "two\nlines" },
        });

        Assert.Contains(errors, e => e.StartsWith("Notifications:Channels:hook:Headers:Bad Name is not a valid header name", StringComparison.Ordinal));
        Assert.Contains("Notifications:Channels:hook:Headers:X-SutWeb-Signature cannot be set: SutWeb or HTTP sets it.", errors);
        Assert.Contains("Notifications:Channels:hook:Headers:X-Ok must be a value on one line.", errors);
    }

    [Fact]
    public async Task Host_WithAnEmailChannelWithoutRecipient_DoesNotStartAndSaysWhy()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Channels:mail:Type"] = "Email",
            ["Notifications:Channels:mail:Host"] = "smtp.example.com",
            ["Notifications:Channels:mail:From"] = "sutweb@example.com",
        };

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => DeliveryHost.StartAsync(settings));

        Assert.Contains(error.Failures, f => f.StartsWith("Notifications:Channels:mail:To must name at least one recipient", StringComparison.Ordinal));
    }
}
