using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Operators;
using SutWeb.Security;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Operators;

/// <summary><c>POST /api/runs/abort</c> and <c>GET /api/audit</c> on the real host, against its simulator.</summary>
public sealed class AbortApiTests
{
    private const string AliceKey = "alice-operator-key-0001";
    private const string BobKey = "bob-operator-key-0002";
    private const string ExecutionId = "039c7261-9eda-45b3-a74a-441ba039dc09";
    private const int ProcessId = 58914;

    [Fact]
    public async Task Abort_RunningRun_202TheRunEndsOnTheBoardAndIsAudited()
    {
        await using var host = await StartAsync();

        using var response = await AbortAsync(host, AliceKey, ExecutionId);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("AbortRequested", (await ReadAsync(response))["outcome"]?.GetValue<string>());
        await Eventually.UntilAsync(() => Martin(host) is { State: not AgentState.Running }, "the aborted run has ended on the board");
        Assert.Equal("Incomplete", Martin(host)!.Execution?.Status);
        Assert.Equal(1, (await host.GetStatsAsync()).AbortRequests);
        var entry = Assert.Single(await AuditAsync(host, AliceKey));
        Assert.Equal("key:alice", entry["who"]?.GetValue<string>());
        Assert.Equal("abort", entry["action"]?.GetValue<string>());
        Assert.Equal("api", entry["via"]?.GetValue<string>());
        Assert.Equal("default", entry["source"]?.GetValue<string>());
        Assert.Equal("martin2", entry["agentName"]?.GetValue<string>());
        Assert.Equal(ExecutionId, entry["executionId"]?.GetValue<string>());
        Assert.Equal("AbortRequested", entry["result"]?.GetValue<string>());
        Assert.Equal("127.0.0.1", entry["from"]?.GetValue<string>());
    }

    [Fact]
    public async Task Abort_WrongOrNoKey_401AndNothingSentUpstream()
    {
        await using var host = await StartAsync();

        using var wrong = await AbortAsync(host, "not-a-configured-key", ExecutionId);
        using var none = await AbortAsync(host, key: null, ExecutionId);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Contains("operator", (await ReadAsync(none))["error"]?.GetValue<string>());
        Assert.Equal(0, (await host.GetStatsAsync()).AbortRequests);
        Assert.Equal(AgentState.Running, Martin(host)!.State);
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains("not-a-configured-key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Abort_RunChangedSinceTheCallerSawIt_409NothingSentUpstreamAndAudited()
    {
        await using var host = await StartAsync();

        using var response = await AbortAsync(host, AliceKey, "an-execution-that-ended-long-ago");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("no longer runs", (await ReadAsync(response))["error"]?.GetValue<string>());
        Assert.Equal(0, (await host.GetStatsAsync()).AbortRequests);
        Assert.Equal(AgentState.Running, Martin(host)!.State);
        Assert.Equal("NotThatRun", Assert.Single(await AuditAsync(host, AliceKey))["result"]?.GetValue<string>());
    }

    [Fact]
    public async Task Abort_UnknownAgent_404Audited()
    {
        await using var host = await StartAsync();

        using var response = await AbortAsync(host, AliceKey, ExecutionId, agentName: "nobody");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NoSuchAgent", Assert.Single(await AuditAsync(host, AliceKey))["result"]?.GetValue<string>());
    }

    [Fact]
    public async Task Abort_EggplantServerFails_502SentOnceNotRetriedAndAudited()
    {
        // A breaker opened by the failing polls would stop the abort before it is sent.
        await using var host = await StartAsync(settings: new() { ["Eggplant:CircuitBreakerFailures"] = "1000" });
        await host.SetFaultAsync("http500");

        using var response = await AbortAsync(host, AliceKey, ExecutionId);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var error = (await ReadAsync(response))["error"]?.GetValue<string>();
        Assert.Contains("500", error);
        Assert.DoesNotContain(AliceKey, error);
        // Polls are retried on a 500; the abort, which may have reached the server, is not.
        Assert.Equal(1, (await host.GetStatsAsync()).AbortRequests);
        var entry = Assert.Single(await AuditAsync(host, AliceKey));
        Assert.Equal("UpstreamFailed", entry["result"]?.GetValue<string>());
        Assert.Equal(error, entry["error"]?.GetValue<string>());
    }

    [Fact]
    public async Task Abort_ProcessGoneBeforeTheBoardKnew_502SayingSoAndTheBoardCatchesUpAtOnce()
    {
        // On a fake clock the board changes only when a poll is asked for: it still shows the run the server has lost.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SutWebHost.StartOnClockAsync(clock, new Dictionary<string, string?>
        {
            ["Simulator:AgentCount"] = "0",
            ["Security:OperatorKeys:alice:Sha256"] = Sha256(AliceKey),
        });
        await host.PutAgentAsync("martin2", RunningAgent());
        host.Services.GetRequiredService<SutWeb.Monitoring.PollerStatus>().PollNow();
        await Eventually.UntilAsync(() => Martin(host) is { State: AgentState.Running }, "martin2's run is on the board");
        await host.DeleteAgentAsync("martin2");

        using var response = await AbortAsync(host, AliceKey, ExecutionId);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("404", (await ReadAsync(response))["error"]?.GetValue<string>());
        Assert.Equal(1, (await host.GetStatsAsync()).AbortRequests);
        await Eventually.UntilAsync(() => Martin(host) is null, "the poll the abort asked for has removed martin2");
    }

    [Fact]
    public async Task Abort_TooManyAttemptsByOneOperator_429ForThemButNotForOthers()
    {
        await using var host = await StartAsync();
        for (var i = 0; i < OperatorRateLimiter.PermitsPerWindow; i++)
        {
            using var allowed = await AbortAsync(host, AliceKey, ExecutionId, agentName: "nobody");
            Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode);
        }

        using var limited = await AbortAsync(host, AliceKey, ExecutionId);
        using var other = await AbortAsync(host, BobKey, ExecutionId, agentName: "nobody");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(0, (await host.GetStatsAsync()).AbortRequests);
        var entries = await AuditAsync(host, AliceKey);
        Assert.Equal(OperatorRateLimiter.PermitsPerWindow + 2, entries.Count);
        Assert.Equal("RateLimited", entries[1]["result"]?.GetValue<string>());
        Assert.Equal("key:bob", entries[0]["who"]?.GetValue<string>());
    }

    [Fact]
    public async Task Abort_SignedInOperatorWithoutAntiforgeryToken_RefusedAsCrossSite()
    {
        await using var host = await StartAsync(signIn: true);

        using var request = AbortMessage(key: null, ExecutionId);
        request.Headers.Add(FakeSignInHandler.Header, "carol;operator");
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery", (await ReadAsync(response))["error"]?.GetValue<string>());
        Assert.Equal(0, (await host.GetStatsAsync()).AbortRequests);
    }

    [Fact]
    public async Task Abort_SignedInWithoutOperatorClaim_403()
    {
        await using var host = await StartAsync(signIn: true);

        using var request = AbortMessage(key: null, ExecutionId);
        request.Headers.Add(FakeSignInHandler.Header, "dave");
        using var response = await host.Http.SendAsync(request);
        using var audit = new HttpRequestMessage(HttpMethod.Get, "/api/audit");
        audit.Headers.Add(FakeSignInHandler.Header, "dave");
        using var auditResponse = await host.Http.SendAsync(audit);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, auditResponse.StatusCode);
        Assert.Equal(0, (await host.GetStatsAsync()).AbortRequests);
    }

    [Fact]
    public async Task Abort_ViewersAccessKeyOnly_401NotAnOperator()
    {
        const string accessKey = "viewer-access-key-123";
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Security:AccessKey"] = accessKey,
            ["Security:OperatorKeys:alice:Sha256"] = Sha256(AliceKey),
        });

        using var request = AbortMessage(key: null, ExecutionId);
        request.Headers.Add(AccessKeyDefaults.HeaderName, accessKey);
        using var response = await host.Http.SendAsync(request);
        using var withKey = AbortMessage(AliceKey, ExecutionId, agentName: "nobody");
        using var operatorResponse = await host.Http.SendAsync(withKey);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // An operator key needs no access key besides.
        Assert.Equal(HttpStatusCode.NotFound, operatorResponse.StatusCode);
    }

    [Fact]
    public async Task Start_KeysWithoutHistoryDatabase_SaysTheAuditTrailIsInMemoryOnly()
    {
        await using var host = await StartAsync(); // History:Provider=None

        Assert.Contains(host.Logs.Lines, l => l.Contains("audit trail is kept in memory only", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.Contains("2 operator keys may abort runs: alice, bob", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_NoOperatorConfigured_SaysNothingOfOperators()
    {
        await using var host = await SutWebHost.StartAsync();

        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("operator", StringComparison.OrdinalIgnoreCase) || l.Contains("audit trail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_WithoutOperator_401()
    {
        await using var host = await StartAsync();

        using var response = await host.Http.GetAsync("/api/audit");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Audit_LimitAndCursor_PagesNewestFirst()
    {
        await using var host = await StartAsync();
        foreach (var agent in new[] { "a", "b", "c" })
        {
            (await AbortAsync(host, AliceKey, ExecutionId, agentName: agent)).Dispose();
        }

        var first = await GetAuditPageAsync(host, "/api/audit?limit=2");
        var second = await GetAuditPageAsync(host, $"/api/audit?limit=2&cursor={first["next"]!.GetValue<string>()}");

        Assert.Equal(["c", "b"], first["entries"]!.AsArray().Select(e => e!["agentName"]!.GetValue<string>()));
        Assert.Equal(["a"], second["entries"]!.AsArray().Select(e => e!["agentName"]!.GetValue<string>()));
        Assert.Null(second["next"]);
    }

    internal static string Sha256(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();

    internal static JsonObject RunningAgent() => JsonNode.Parse($$"""
        {
          "agent_name": "martin2", "port": 5400, "process_id": {{ProcessId}},
          "execution_status": {
            "id": "{{ExecutionId}}", "modelname": "BBCSport", "username": "ann",
            "starttime": "2026-12-06 01:06:45.545359+00", "endtime": null, "type": "model",
            "agentname": "martin2", "initiator": "api", "runid": null, "status": "Running", "processid": "{{ProcessId}}"
          },
          "process_status": "Running",
          "last_log": "Step 4 of 12"
        }
        """)!.AsObject();

    /// <summary>A quiet simulator with one running agent, martin2, on the board, and two operator keys.</summary>
    private static async Task<SutWebHost> StartAsync(bool signIn = false, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Simulator:AgentCount"] = "0",
            ["Security:OperatorKeys:alice:Sha256"] = Sha256(AliceKey),
            ["Security:OperatorKeys:bob:Sha256"] = Sha256(BobKey).ToUpperInvariant(),
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }
        var host = await SutWebHost.StartAsync(all, services =>
        {
            if (signIn)
            {
                services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, FakeSignInHandler>(FakeSignInHandler.SchemeName, null);
                services.Configure<OperatorAuthenticationOptions>(o => o.Schemes.Add(FakeSignInHandler.SchemeName));
            }
        });
        await host.SetActivityAsync(false);
        await host.PutAgentAsync("martin2", RunningAgent());
        await Eventually.UntilAsync(() => Martin(host) is { State: AgentState.Running }, "martin2's run is on the board");
        return host;
    }

    private static AgentView? Martin(SutWebHost host) => host.Board.Current.Agents.FirstOrDefault(a => a.AgentName == "martin2");

    private static HttpRequestMessage AbortMessage(string? key, string executionId, string agentName = "martin2")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs/abort")
        {
            Content = JsonContent.Create(new { source = "default", agentName, port = 5400, executionId }),
        };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return request;
    }

    private static async Task<HttpResponseMessage> AbortAsync(SutWebHost host, string? key, string executionId, string agentName = "martin2")
    {
        using var request = AbortMessage(key, executionId, agentName);
        return await host.Http.SendAsync(request);
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    private static async Task<JsonObject> GetAuditPageAsync(SutWebHost host, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AliceKey);
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync(response);
    }

    private static async Task<List<JsonObject>> AuditAsync(SutWebHost host, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/audit");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await ReadAsync(response))["entries"]!.AsArray().Select(e => e!.AsObject())];
    }
}
