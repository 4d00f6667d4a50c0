using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using SutWeb.Shared.Mapping;
using SutWeb.Shared.Wire;

namespace SutWeb.Tests.Shared;

/// <summary>
/// Generated and mutated status answers, from the vendor's fixtures: the parser and the state derivation either read
/// them or reject them with <see cref="StatusPayloadException"/>, the documented upstream-error path. Nothing else.
/// </summary>
public sealed class PayloadFuzzTests
{
    public const int Iterations = 12_000;

    internal static readonly string[] Fixtures =
    [
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sut-status-running.json")),
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sut-status-idle.json")),
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sut-status-no-port.json")),
    ];

    private static readonly JsonNode?[] Replacements =
    [
        null, JsonValue.Create(""), JsonValue.Create("abc"), JsonValue.Create("12345"), JsonValue.Create(-1),
        JsonValue.Create(long.MaxValue), JsonValue.Create(1e308), JsonValue.Create(true), JsonValue.Create(3.5),
        new JsonArray(), new JsonObject(), JsonValue.Create("<script>alert(1)</script>"), JsonValue.Create("2018-13-45 99:99:99+99"),
        JsonValue.Create(new string('x', 10_000)), JsonValue.Create("\u0000\uFFFD\r\n"),
    ];

    [Fact]
    public void Fuzz_MutatedFixtures_AreReadOrRejectedAsUpstreamErrors()
    {
        var outcomes = new int[2];
        Gen.Select(Gen.Int[0, Fixtures.Length - 1], Gen.Int[0, 7], Gen.Int, Gen.Int)
            .Sample((fixture, mutation, a, b) =>
            {
                var payload = Mutate(Fixtures[fixture], mutation, new Random(HashCode.Combine(a, b)));
                outcomes[ReadOrReject(payload) ? 0 : 1]++;
            }, iter: Iterations, threads: 1);

        // Both outcomes occur: the mutations are neither all harmless nor all fatal.
        Assert.True(outcomes[0] > Iterations / 20, $"read {outcomes[0]}");
        Assert.True(outcomes[1] > Iterations / 20, $"rejected {outcomes[1]}");
    }

    [Fact]
    public void Fuzz_RandomBytes_AreReadOrRejectedAsUpstreamErrors()
    {
        Gen.Byte.Array[0, 512].Sample(bytes => { ReadOrReject(bytes); }, iter: 2_000, threads: 1);
    }

    [Fact]
    public void Fuzz_DeepNesting_IsRejectedNotAStackOverflow()
    {
        var deep = "[" + new string('[', 100_000) + new string(']', 100_000) + "]";
        Assert.Throws<StatusPayloadException>(() => StatusPayloadParser.Parse(Encoding.UTF8.GetBytes(deep)));
        var deepObject = """[{"agent_name":"a","execution_status":""" + string.Concat(Enumerable.Repeat("""{"x":""", 5_000)) + "1" + new string('}', 5_001) + "]";
        Assert.Throws<StatusPayloadException>(() => StatusPayloadParser.Parse(Encoding.UTF8.GetBytes(deepObject)));
    }

    [Fact]
    public void Fuzz_InvalidUtf8InAString_IsRejected()
    {
        var bytes = Encoding.UTF8.GetBytes("""[{"agent_name":"AB","port":1,"process_id":0}]""");
        var name = Array.IndexOf(bytes, (byte)'A');
        bytes[name] = 0xC3; // a lead byte followed by an ASCII letter: not UTF-8
        Assert.Throws<StatusPayloadException>(() => StatusPayloadParser.Parse(bytes));
    }

    /// <returns>True when read (and mapped), false when rejected as an upstream error; any other exception fails the test.</returns>
    private static bool ReadOrReject(byte[] payload)
    {
        try
        {
            var connections = StatusPayloadParser.Parse(payload);
            var views = AgentViewMapper.ToViews(connections, AgentViewLimits.Default);
            Assert.Equal(connections.Count, views.Count);
            return true;
        }
        catch (StatusPayloadException)
        {
            return false;
        }
    }

    internal static byte[] Mutate(string fixture, int mutation, Random random)
    {
        var array = JsonNode.Parse(fixture)!.AsArray();
        var agent = array[0]!.AsObject();
        var execution = agent["execution_status"] as JsonObject;
        var target = execution is not null && random.Next(2) == 0 ? execution : agent;
        var keys = target.Select(p => p.Key).ToList();
        var key = keys[random.Next(keys.Count)];
        switch (mutation)
        {
            case 0: // a field dropped
                target.Remove(key);
                break;
            case 1: // a value of another type, or a string where a number belongs
                target[key] = Replacements[random.Next(Replacements.Length)]?.DeepClone();
                break;
            case 2: // an unknown field
                target["x_" + random.Next(1000)] = Replacements[random.Next(Replacements.Length)]?.DeepClone();
                break;
            case 3: // many agents, some duplicated
                for (var i = random.Next(1, 30); i > 0; i--)
                {
                    array.Add(agent.DeepClone());
                }
                break;
            case 4: // the root or an element replaced
                return Encoding.UTF8.GetBytes(random.Next(3) switch
                {
                    0 => "{}",
                    1 => "[null]",
                    _ => "[" + Replacements[random.Next(Replacements.Length)]?.ToJsonString() + "]",
                });
            case 5: // huge numbers where integers belong
                target[key] = JsonNode.Parse(random.Next(2) == 0 ? "99999999999999999999999" : "1e400");
                break;
        }
        var bytes = Encoding.UTF8.GetBytes(array.ToJsonString());
        return mutation switch
        {
            6 => bytes[..random.Next(bytes.Length)], // truncated
            7 => Corrupt(bytes, random), // a byte flipped: invalid UTF-8 or broken syntax
            _ => bytes,
        };
    }

    private static byte[] Corrupt(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        copy[random.Next(copy.Length)] = (byte)random.Next(0x80, 0x100);
        return copy;
    }
}
