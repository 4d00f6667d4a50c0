using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Simulator;

/// <summary>What the simulator writes to the log: no user name above Debug, no password or token at all.</summary>
public sealed class SimulatorLogTests
{
    [Fact]
    public async Task SignIns_RightAndWrong_LogNoUserNameAboveDebugAndNoSecret()
    {
        const string user = "carol.user-name-probe";
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?> { ["Simulator:MaxTokens"] = "2" });
        var tokens = new List<string>();

        foreach (var password in new[] { "wrong-password-probe", "simulator", "simulator", "simulator" })
        {
            using var response = await host.Http.PostAsync("simulator/auth", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = user,
                ["password"] = password,
            }));
            if (response.IsSuccessStatusCode)
            {
                tokens.Add((await SimulatorHost.ReadObjectAsync(response))["access_token"]!.GetValue<string>());
            }
        }

        var lines = host.Logs.Lines;
        Assert.Contains(lines, l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("rejected a sign-in", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Simulator:MaxTokens", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => !l.StartsWith("Debug", StringComparison.Ordinal) && !l.StartsWith("Trace", StringComparison.Ordinal)
            && l.Contains(user, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("wrong-password-probe", StringComparison.Ordinal));
        Assert.NotEmpty(tokens);
        Assert.All(tokens, token => Assert.DoesNotContain(lines, l => l.Contains(token, StringComparison.Ordinal)));
    }
}
