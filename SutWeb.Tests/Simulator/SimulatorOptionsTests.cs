using Microsoft.Extensions.Options;
using SutWeb.Simulator;

namespace SutWeb.Tests.Simulator;

public sealed class SimulatorOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new SimulatorOptionsValidator().Validate(null, new SimulatorOptions());

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData(-1, "simulator", 3600, 1000, "AgentCount")]
    [InlineData(10_001, "simulator", 3600, 1000, "AgentCount")]
    [InlineData(8, "", 3600, 1000, "Password")]
    [InlineData(8, "simulator", 0, 1000, "TokenLifetime")]
    [InlineData(8, "simulator", 3600, 0, "ActivityInterval")]
    public void Validate_OutOfRange_FailsNamingTheSetting(int agentCount, string password, int lifetimeSeconds, int intervalMs, string setting)
    {
        var options = new SimulatorOptions
        {
            AgentCount = agentCount,
            Password = password,
            TokenLifetime = TimeSpan.FromSeconds(lifetimeSeconds),
            ActivityInterval = TimeSpan.FromMilliseconds(intervalMs),
        };

        var result = new SimulatorOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Simulator:" + setting, result.FailureMessage);
    }

    [Theory]
    [InlineData(0, 8, 1000, "Simulator:MaxAgents")]
    [InlineData(100_001, 8, 1000, "Simulator:MaxAgents")]
    [InlineData(5, 6, 1000, "Simulator:AgentCount")]
    [InlineData(10_000, 8, 0, "Simulator:MaxTokens")]
    [InlineData(10_000, 8, 100_001, "Simulator:MaxTokens")]
    public void Validate_LimitsOutOfRange_FailsNamingTheSetting(int maxAgents, int agentCount, int maxTokens, string setting)
    {
        var options = new SimulatorOptions { MaxAgents = maxAgents, AgentCount = agentCount, MaxTokens = maxTokens };

        var result = new SimulatorOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AgentCountUpToARaisedMaxAgents_Succeeds()
    {
        var options = new SimulatorOptions { MaxAgents = 20_000, AgentCount = 20_000 };

        Assert.True(new SimulatorOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public async Task Start_InvalidConfiguration_FailsWithValidationMessage()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SimulatorHost.StartAsync(SimulatorHost.Settings(("AgentCount", 20_000))));

        Assert.Contains("Simulator:AgentCount", error.Message);
    }

    [Fact]
    public async Task Start_ConfiguredValues_AreUsed()
    {
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(
            ("AgentCount", 3), ("TokenLifetime", "00:10:00"), ("Password", "pw")));

        using var auth = await sim.AuthAsync("tester", "pw");

        Assert.Equal(600, (await SimulatorHost.ReadObjectAsync(auth))["expires_in"]?.GetValue<int>());
        Assert.Equal(3, (await sim.GetAgentsAsync()).Count);
    }
}
