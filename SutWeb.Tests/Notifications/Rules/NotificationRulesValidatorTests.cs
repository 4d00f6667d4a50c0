using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SutWeb.Notifications;
using SutWeb.Notifications.Rules;

namespace SutWeb.Tests.Notifications.Rules;

/// <summary>Rules checked at start, with messages that name the setting to fix.</summary>
public sealed class NotificationRulesValidatorTests
{
    private static Dictionary<string, string?> Valid() => new()
    {
        ["Notifications:Channels:ops:Type"] = "Webhook",
        ["Notifications:Channels:ops:Url"] = "https://hooks.example.com/x",
        ["Notifications:Channels:mail:Type"] = "Email",
        ["Notifications:Rules:nightly:Events:0"] = "RunFailed",
        ["Notifications:Rules:nightly:Events:1"] = "agentdisconnected",
        ["Notifications:Rules:nightly:Channels:0"] = "ops",
        ["Notifications:Rules:nightly:Agents:0"] = "lab-*",
        ["Notifications:Rules:nightly:For"] = "00:01:00",
        ["Notifications:Rules:nightly:RepeatEvery"] = "01:00:00",
    };

    [Fact]
    public void Validate_GoodRule_BoundOnceWithItsSettings()
    {
        var options = Resolve(Valid());

        var rule = options.Rules["nightly"];
        Assert.Equal(["RunFailed", "agentdisconnected"], rule.Events);
        Assert.Equal(["ops"], rule.Channels);
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), true), (rule.For, rule.RepeatEvery, rule.SendResolved));
    }

    [Theory]
    [InlineData("Notifications:Rules:nightly:Channels:0", "pager", "Notifications:Rules:nightly:Channels names 'pager', which is not a channel (Notifications:Channels: the channels are mail, ops).")]
    [InlineData("Notifications:Rules:nightly:Events:0", "RunExploded", "Notifications:Rules:nightly:Events names 'RunExploded', which is not an event")]
    [InlineData("Notifications:Rules:nightly:For", "-00:00:01", "Notifications:Rules:nightly:For must not be negative")]
    [InlineData("Notifications:Rules:nightly:RepeatEvery", "00:00:00", "Notifications:Rules:nightly:RepeatEvery must be positive")]
    [InlineData("Notifications:Rules:nightly:RepeatEvery", "-01:00:00", "Notifications:Rules:nightly:RepeatEvery must be positive")]
    [InlineData("Notifications:Rules:nightly:Agents:0", "lab-[12]", "Notifications:Rules:nightly:Agents names 'lab-[12]', which is not a pattern")]
    [InlineData("Notifications:Rules:nightly:Models:0", "{Login,Checkout}", "Notifications:Rules:nightly:Models names '{Login,Checkout}', which is not a pattern")]
    [InlineData("Notifications:Rules:nightly:Sources:0", " ", "Notifications:Rules:nightly:Sources names ' ', which is not a pattern")]
    public void Validate_BadSetting_FailsNamingTheSetting(string key, string value, string message)
    {
        var settings = Valid();
        settings[key] = value;

        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(settings));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoEventsNoChannels_BothNamed()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Notifications:Rules:quiet:SendResolved"] = "false" }));

        Assert.Contains("Notifications:Rules:quiet:Events is empty", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Notifications:Rules:quiet:Channels is empty", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ChannelNamedButNoneConfigured_SaysSo()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Notifications:Rules:r:Events:0"] = "SourceDown",
            ["Notifications:Rules:r:Channels:0"] = "ops",
        }));

        Assert.Contains("'ops', which is not a channel (Notifications:Channels: none is configured)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddNotificationRules_NoRules_NothingRunsAndNoOutboxIsNeeded()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([]).Build();
        using var services = new ServiceCollection().AddLogging().AddNotificationRules(configuration).BuildServiceProvider();

        Assert.Empty(services.GetServices<Microsoft.Extensions.Hosting.IHostedService>());
        Assert.Empty(services.GetRequiredService<IOptions<NotificationOptions>>().Value.Rules);
    }

    private static NotificationOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        // Asked for twice, as the rules and the delivery each do: bound once all the same.
        using var services = new ServiceCollection().AddNotificationRules(configuration).AddNotificationRules(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<NotificationOptions>>().Value;
    }
}
