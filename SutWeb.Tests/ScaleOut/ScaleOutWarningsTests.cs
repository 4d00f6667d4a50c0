using SutWeb.Tests.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.ScaleOut;

/// <summary>What scale-out allows but loses on failover is said once at start, and no password reaches the log.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ScaleOutWarningsTests(RedisFixture redis)
{
    [SkippableFact]
    public async Task Start_NoHistoryAndOwnSimulator_WarnsOfWhatFailoverLosesAndLogsOnlyTheEndpoint()
    {
        redis.Require();
        const string password = "never-logged-redis-password";
        await using var replica = await ScaleOutHosts.StartReplicaAsync(redis, redis.NewPrefix("warnings"), upstream: null,
            new Dictionary<string, string?> { ["ScaleOut:Redis"] = $"{redis.ConnectionString},password={password}" });

        await Eventually.UntilAsync(() => replica.Logs.AllText.Contains("electing a leader", StringComparison.Ordinal), "the election starts");

        Assert.Contains(replica.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("History:Provider=None", StringComparison.Ordinal));
        Assert.Contains(replica.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Eggplant:BaseUrl empty", StringComparison.Ordinal));
        Assert.Contains(replica.Logs.Lines, l => l.Contains($"Redis at 127.0.0.1:{redis.Server.Port}", StringComparison.Ordinal));
        Assert.DoesNotContain(password, replica.Logs.AllText, StringComparison.Ordinal);
    }
}
