using SutWeb.History;
using SutWeb.Operators.Audit;
using SutWeb.Tests.History;

namespace SutWeb.Tests.Operators;

/// <summary>The audit trail in the history database, the same tests on each provider.</summary>
public abstract class AuditTrailTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    protected abstract Task<HistoryTestDatabase> NewDatabaseAsync();

    [SkippableFact]
    public async Task Read_SeveralEntries_NewestFirstInPagesWithEveryField()
    {
        await using var test = await NewDatabaseAsync();
        var trail = await OpenAsync(test);
        await trail.AddAsync(Entry("a", Now, port: 5400, error: null), CancellationToken.None);
        await trail.AddAsync(Entry("b", Now.AddSeconds(1), port: null, error: "The Eggplant server answered 500."), CancellationToken.None);
        await trail.AddAsync(Entry("c", Now.AddSeconds(1), port: 5401, error: null), CancellationToken.None);

        var first = await trail.ReadAsync(2, null, CancellationToken.None);
        var second = await trail.ReadAsync(2, first.Next, CancellationToken.None);

        Assert.Equal(["c", "b"], first.Items.Select(e => e.AgentName));
        Assert.Equal(["a"], second.Items.Select(e => e.AgentName));
        Assert.Null(second.Next);
        var b = first.Items[1];
        Assert.Equal((Now.AddSeconds(1), "key:alice", "10.0.0.7", "api", "abort", "default", (int?)null, "exec-1", "UpstreamFailed", "The Eggplant server answered 500."),
            (b.At, b.Who, b.From, b.Via, b.Action, b.Source, b.Port, b.ExecutionId, b.Result, b.Error));
        Assert.Equal(5400, second.Items[0].Port);
    }

    [SkippableFact]
    public async Task Add_AfterReopening_EntriesAreStillThere()
    {
        await using var test = await NewDatabaseAsync();
        await (await OpenAsync(test)).AddAsync(Entry("kept", Now, port: null, error: null), CancellationToken.None);

        var reopened = await OpenAsync(test);

        Assert.Equal("kept", Assert.Single((await reopened.ReadAsync(10, null, CancellationToken.None)).Items).AgentName);
    }

    private static async Task<DatabaseAuditTrail> OpenAsync(HistoryTestDatabase test)
    {
        var status = new HistoryStatus();
        status.Opened();
        return new DatabaseAuditTrail(await test.OpenAsync(), status, TimeProvider.System);
    }

    private static AuditEntry Entry(string agent, DateTimeOffset at, int? port, string? error) => new()
    {
        At = at,
        Who = "key:alice",
        From = "10.0.0.7",
        Via = AuditVia.Api,
        Action = "abort",
        Source = "default",
        AgentName = agent,
        Port = port,
        ExecutionId = "exec-1",
        Result = error is null ? "AbortRequested" : "UpstreamFailed",
        Error = error,
    };
}
