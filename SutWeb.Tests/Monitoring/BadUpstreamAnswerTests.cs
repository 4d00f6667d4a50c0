using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;
using SutWeb.Shared.Wire;
using SutWeb.Tests.Shared;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Monitoring;

/// <summary>Bad and oversized answers through the whole host: the board keeps its state, health says why.</summary>
public sealed class BadUpstreamAnswerTests
{
    [Fact]
    public async Task Poller_RejectedPayloads_LeaveTheBoardUnchangedAndHealthDegraded()
    {
        await using var eggplant = await ScriptedEggplantServer.StartAsync();
        eggplant.AnswerStatus(Encoding.UTF8.GetBytes(PayloadFuzzTests.Fixtures[0]));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(eggplant, clock);
        var before = host.Board.Current;
        var poller = host.Services.GetRequiredService<PollerStatus>();
        var random = new Random(20261129);
        var rejected = Enumerable.Range(0, 5_000)
            .Select(_ => PayloadFuzzTests.Mutate(PayloadFuzzTests.Fixtures[random.Next(3)], random.Next(8), random))
            .Where(IsRejected)
            .Take(100)
            .ToList();

        foreach (var payload in rejected)
        {
            eggplant.AnswerStatus(payload);
            var completed = poller.CompletedPolls;
            // Failed polls back off: wait the interval in force.
            clock.Advance(poller.Interval);
            await Eventually.UntilAsync(() => poller.CompletedPolls > completed, "the poll has finished");
            Assert.NotEqual(UpstreamState.Healthy, host.Board.Current.Health.State);
            Assert.Equal(before.Version, host.Board.Current.Version);
            Assert.Same(before.Agents, host.Board.Current.Agents);
        }
        Assert.Equal(100, rejected.Count);
        Assert.Equal(100, host.Board.Current.Health.ConsecutiveFailures);
        Assert.DoesNotContain(host.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poller_FiveThousandAgentsAndA2MiBLog_AreShownWithTheLogCappedAndMarked()
    {
        await using var eggplant = await ScriptedEggplantServer.StartAsync();
        var agents = new JsonArray();
        for (var i = 0; i < 5_000; i++)
        {
            agents.Add(new JsonObject { ["agent_name"] = $"agent-{i:0000}", ["port"] = 5400, ["process_id"] = 0 });
        }
        var bigLog = string.Concat(Enumerable.Range(0, 90_000).Select(i => $"line {i:00000} of a long log\r\n")) + "THE END";
        agents[0]!["last_log"] = bigLog;
        eggplant.AnswerStatus(Encoding.UTF8.GetBytes(agents.ToJsonString()));
        Assert.True(Encoding.UTF8.GetByteCount(bigLog) > 2 * 1024 * 1024);

        await using var host = await StartAsync(eggplant, TimeProvider.System);

        var first = host.Board.Current.Agents.Single(a => a.AgentName == "agent-0000");
        Assert.Equal(5_000, host.Board.Current.Agents.Count);
        Assert.True(first.LastLogTruncated);
        Assert.Equal(64 * 1024, first.LastLog!.Length);
        Assert.EndsWith("THE END", first.LastLog);
    }

    [Fact]
    public async Task Poller_AnswerOverTheSizeCap_IsAnUpstreamErrorNamingTheCap()
    {
        await using var eggplant = await ScriptedEggplantServer.StartAsync();
        eggplant.AnswerStatus(Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat("""{"agent_name":"a","process_id":0}""", 2_000)) + "]"));
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:BaseUrl"] = eggplant.BaseUrl,
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = "scripted",
            ["Eggplant:MaxResponseBytes"] = "4096",
        });

        await Eventually.UntilAsync(() => host.Board.Current.Health.State is UpstreamState.Degraded or UpstreamState.Unreachable,
            "the answer is refused");

        Assert.Contains("Eggplant:MaxResponseBytes", host.Board.Current.Health.LastError);
        Assert.Empty(host.Board.Current.Agents);
    }

    private static bool IsRejected(byte[] payload)
    {
        try
        {
            StatusPayloadParser.Parse(payload);
            return false;
        }
        catch (StatusPayloadException)
        {
            return true;
        }
    }

    private static async Task<SutWebHost> StartAsync(ScriptedEggplantServer eggplant, TimeProvider clock)
    {
        var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:BaseUrl"] = eggplant.BaseUrl,
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = "scripted",
            ["Eggplant:PollInterval"] = "00:00:01",
        }, s => s.AddSingleton(clock));
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "the first answer is on the board");
        return host;
    }
}
