using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using SutWeb.Shared.Mapping;
using SutWeb.Shared.Views;
using SutWeb.Shared.Wire;

namespace SutWeb.Tests.Shared;

/// <summary>The poller's incremental mapping gives exactly what mapping each answer from scratch gives.</summary>
public sealed class IncrementalAgentViewMapperTests
{
    [Fact]
    public void Map_RandomSequencesOfAnswers_EqualsMappingEachFromScratch()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var mapper = new IncrementalAgentViewMapper(AgentViewLimits.Default);
            var agents = Enumerable.Range(0, random.Next(1, 12)).Select(i => Agent(random, $"agent-{i % 5}")).ToList();
            for (var poll = 0; poll < 12; poll++)
            {
                // Most agents stay byte for byte the same; a few change, arrive, leave or swap places.
                switch (random.Next(5))
                {
                    case 0 when agents.Count > 0: agents[random.Next(agents.Count)] = Agent(random, $"agent-{random.Next(5)}"); break;
                    case 1: agents.Add(Agent(random, $"agent-{random.Next(5)}")); break;
                    case 2 when agents.Count > 0: agents.RemoveAt(random.Next(agents.Count)); break;
                    case 3: agents.Reverse(); break;
                }
                var payload = Encoding.UTF8.GetBytes(new JsonArray([.. agents.Select(a => a.DeepClone())]).ToJsonString());
                if (random.Next(6) == 0)
                {
                    payload = PayloadFuzzTests.Mutate(Encoding.UTF8.GetString(payload) is var text && agents.Count > 0 ? text : PayloadFuzzTests.Fixtures[0], random.Next(8), random);
                }
                AssertSameOutcome(payload, mapper);
            }
        }, iter: 1_000, threads: 1);
    }

    [Fact]
    public void Map_UnchangedAgent_KeepsTheSameViewObject()
    {
        var mapper = new IncrementalAgentViewMapper(AgentViewLimits.Default);
        var first = mapper.Map(Encoding.UTF8.GetBytes("""[{"agent_name":"a","port":1,"process_id":0},{"agent_name":"b","port":2,"process_id":0}]"""));

        var second = mapper.Map(Encoding.UTF8.GetBytes("""[{"agent_name":"b","port":2,"process_id":7},{"agent_name":"a","port":1,"process_id":0}]"""));

        Assert.Same(first[0], second[0]);
        Assert.NotSame(first[1], second[1]);
        Assert.Equal(7, second[1].ProcessId);
    }

    [Fact]
    public void Map_BadAnswerInBetween_IsRejectedAndTheNextGoodOneStillMapsCorrectly()
    {
        var mapper = new IncrementalAgentViewMapper(AgentViewLimits.Default);
        var good = Encoding.UTF8.GetBytes("""[{"agent_name":"a","port":1,"process_id":0}]""");
        mapper.Map(good);

        Assert.Throws<StatusPayloadException>(() => mapper.Map(Encoding.UTF8.GetBytes("""[{"agent_name":"a","port":1,"process_id":0},{"agent_name":""")));
        var again = mapper.Map(good);

        Assert.Equal("a:1", Assert.Single(again).Key);
    }

    private static void AssertSameOutcome(byte[] payload, IncrementalAgentViewMapper mapper)
    {
        IReadOnlyList<AgentView>? expected = null;
        try
        {
            expected = AgentViewMapper.ToViews(StatusPayloadParser.Parse(payload), AgentViewLimits.Default);
        }
        catch (StatusPayloadException)
        {
        }
        if (expected is null)
        {
            Assert.Throws<StatusPayloadException>(() => mapper.Map(payload));
        }
        else
        {
            Assert.Equal(expected, mapper.Map(payload));
        }
    }

    private static JsonObject Agent(Random random, string name)
    {
        var agent = new JsonObject { ["agent_name"] = name, ["port"] = 5400 + random.Next(2), ["process_id"] = random.Next(3) };
        if (random.Next(2) == 0)
        {
            agent["execution_status"] = new JsonObject
            {
                ["modelname"] = "Model" + random.Next(3),
                ["status"] = new[] { "Running", "Passed", "Failed", "Incomplete", "Weird" }[random.Next(5)],
                ["starttime"] = "2018-06-01 10:06:45.545359+01",
                ["processid"] = random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            agent["last_log"] = "line " + random.Next(4) + "\r\n";
        }
        return agent;
    }
}
