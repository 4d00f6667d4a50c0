using System.Text.Json;
using CsCheck;
using SutWeb.Shared.Diffing;
using SutWeb.Shared.Mapping;
using SutWeb.Shared.Views;
using SutWeb.Shared.Wire;

namespace SutWeb.Tests.Shared;

/// <summary>A client that applies every diff in order ends with exactly the board the server holds.</summary>
public sealed class StatusDifferPropertyTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // Small pools, so that consecutive snapshots share keys: agents arrive, change and leave.
    private static readonly string[] Names = ["alpha", "beta", "Gamma", "delta", "éclair"];
    private static readonly int?[] Ports = [null, 5400, 5401];
    private static readonly string?[] Statuses = [null, "Running", "Passed", "Failed", "Incomplete", "running", "Queued"];
    private static readonly string?[] Logs =
        [null, "", "step 1\r\n", "<script>alert(1)</script>", "step 1\r\nstep 2\r\nstep 3\r\nstep 4: failed\r\n"];
    private static readonly TimeSpan[] Offsets = [TimeSpan.FromHours(1), TimeSpan.Zero, TimeSpan.FromHours(-5)];
    private static readonly AgentViewLimits Limits = new() { MaxLogChars = 16 };

    private static readonly Gen<AgentConnection> GenConnection =
        Gen.Select(
            Gen.Int[0, Names.Length - 1],
            Gen.Int[0, Ports.Length - 1],
            Gen.Int[0, Statuses.Length - 1],
            Gen.Int[0, Logs.Length - 1],
            Gen.Int[0, Offsets.Length - 1],
            Gen.Int[0, 2],
            (name, port, status, log, offset, minute) =>
            {
                var running = status > 0;
                return new AgentConnection
                {
                    AgentName = Names[name],
                    Port = Ports[port],
                    ProcessId = running ? 58914 + minute : 0,
                    ProcessStatus = running ? "Running" : null,
                    LastLog = Logs[log],
                    ExecutionStatus = running
                        ? new ExecutionStatus
                        {
                            Id = $"run-{minute}",
                            ModelName = "BBCSport",
                            UserName = "",
                            StartTime = new DateTimeOffset(2018, 6, 1, 9, minute, 45, TimeSpan.Zero).ToOffset(Offsets[offset]),
                            Type = "model",
                            AgentName = Names[name],
                            Initiator = "api",
                            Status = Statuses[status],
                            ProcessId = 58914 + minute,
                        }
                        : null,
                };
            });

    private static readonly Gen<IReadOnlyList<AgentView>> GenBoard =
        GenConnection.Array[0, 8].Select(connections => AgentViewMapper.ToViews(connections, Limits));

    private static readonly Gen<IReadOnlyList<AgentView>[]> GenBoards = GenBoard.Array[2, 12];

    private static void AssertSameBoard(IReadOnlyList<AgentView> expected, IReadOnlyList<AgentView> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
            // What a client shows, offsets of times included.
            Assert.Equal(JsonSerializer.Serialize(expected[i], Web), JsonSerializer.Serialize(actual[i], Web));
        }
    }

    [Fact]
    public void Diff_AppliedInOrderToFirstBoard_GivesLastBoardWithContiguousVersions()
    {
        int added = 0, changed = 0, removed = 0, unchanged = 0;
        var at = new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

        GenBoards.Sample(boards =>
        {
            var server = boards[0];
            var client = new StatusSnapshot { Version = 1, ObservedAt = at, Health = UpstreamHealth.Starting, Agents = boards[0] };
            var version = 1L;
            for (var i = 1; i < boards.Length; i++)
            {
                var diff = StatusDiffer.Diff(server, boards[i], version, at.AddSeconds(i));
                if (diff is null)
                {
                    Interlocked.Increment(ref unchanged);
                    AssertSameBoard(server, boards[i]);
                    continue;
                }
                Assert.Equal(version, diff.FromVersion);
                Assert.Equal(version + 1, diff.ToVersion);
                var keysBefore = server.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
                foreach (var agent in diff.Upserted)
                {
                    Interlocked.Increment(ref keysBefore.Contains(agent.Key) ? ref changed : ref added);
                }
                if (diff.Removed.Count > 0)
                {
                    Interlocked.Increment(ref removed);
                }

                client = StatusDiffApplier.Apply(client, diff);
                version = diff.ToVersion;
                server = boards[i];
                Assert.Equal(version, client.Version);
                AssertSameBoard(server, client.Agents);
            }
            AssertSameBoard(boards[^1], client.Agents);
        }, iter: 2000);

        // The generator really exercised every kind of change.
        Assert.True(added > 0, "no agent was ever added");
        Assert.True(changed > 0, "no agent ever changed");
        Assert.True(removed > 0, "no agent was ever removed");
        Assert.True(unchanged > 0, "no poll was ever unchanged");
    }

    [Fact]
    public void Diff_AppliedToListInOrder_GivesLastBoard()
    {
        GenBoards.Sample(boards =>
        {
            var agents = boards[0];
            var version = 10L;
            for (var i = 1; i < boards.Length; i++)
            {
                if (StatusDiffer.Diff(boards[i - 1], boards[i], version, DateTimeOffset.UnixEpoch) is { } diff)
                {
                    agents = StatusDiffApplier.Apply(agents, diff);
                    version = diff.ToVersion;
                }
            }
            AssertSameBoard(boards[^1], agents);
        }, iter: 1000);
    }

    [Fact]
    public void Diff_SameBoardTwice_ReturnsNull()
    {
        GenConnection.Array[0, 8].Sample(connections =>
        {
            // Two polls with the same answer, mapped separately as the poller does.
            var first = AgentViewMapper.ToViews(connections, Limits);
            var second = AgentViewMapper.ToViews(connections, Limits);
            Assert.Null(StatusDiffer.Diff(first, second, 1, DateTimeOffset.UnixEpoch));
        });
    }

    [Fact]
    public void ToViews_RandomAnswers_KeysUniqueAndInOrdinalOrder()
    {
        GenBoard.Sample(board =>
        {
            var keys = board.Select(a => a.Key).ToList();
            Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        });
    }
}
