using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Api;
using SutWeb.History;
using SutWeb.Shared.History;
using SutWeb.Tests.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Api;

/// <summary>
/// The history API over a real host and database, the same tests on each provider (<see cref="SqliteHistoryApiTests"/>,
/// <see cref="PostgresHistoryApiTests"/>): what a script asking <c>/api/history/…</c> gets back.
/// </summary>
public abstract class HistoryApiTests
{
    /// <summary>Yesterday noon: recent, so that retention keeps it.</summary>
    protected static readonly DateTimeOffset Now = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-1).AddHours(12);

    protected abstract Task<HistoryTestDatabase> NewDatabaseAsync();

    [SkippableFact]
    public async Task Runs_EveryFilter_OnlyMatchingRowsNewestFirst()
    {
        await using var test = await NewDatabaseAsync();
        await using var host = await StartHostAsync(test);
        await StoreAsync(test,
            Run("a", "lab-1", Now.AddHours(-3), RunOutcomes.Failed, model: "Login"),
            Run("b", "lab-1", Now.AddHours(-2), RunOutcomes.Passed, model: "Login"),
            Run("c", "lab-2", Now.AddHours(-1), RunOutcomes.Failed, model: "Login"),
            Run("d", "lab-1", Now.AddHours(-1).AddMinutes(1), RunOutcomes.Lost, model: "Checkout"),
            Run("e", "lab-1", Now.AddMinutes(-30), RunOutcomes.Running, model: "Login", source: "lab-b"),
            Run("f", "lab-1", Now.AddDays(-2), "Aborted by user", model: "Login"));

        Assert.Equal("e,d,c,b,a,f", await IdsAsync(host, ""));
        Assert.Equal("e", await IdsAsync(host, "source=lab-b"));
        Assert.Equal("d,b,a,f", await IdsAsync(host, "source=default&agent=lab-1"));
        Assert.Equal("", await IdsAsync(host, "agent=LAB-1")); // exact
        Assert.Equal("d", await IdsAsync(host, "model=Checkout"));
        Assert.Equal("", await IdsAsync(host, "model=checkout"));
        Assert.Equal("c,a", await IdsAsync(host, "model=Login&outcome=Failed"));
        Assert.Equal("e,d,c,a", await IdsAsync(host, "outcome=failed,%20lost,Running,"));
        Assert.Equal("f", await IdsAsync(host, "outcome=Aborted%20by%20user"));
        Assert.Equal("b", await IdsAsync(host, $"from={Iso(Now.AddHours(-2))}&to={Iso(Now.AddHours(-1))}"));
        // The same instant written with an offset, as +hh:mm encoded, as an unencoded + (a space) and without a colon.
        var local = Now.AddHours(-2).ToOffset(TimeSpan.FromHours(2));
        Assert.Equal("b", await IdsAsync(host, $"from={Uri.EscapeDataString(local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture))}&to={Iso(Now.AddHours(-1))}"));
        Assert.Equal("b", await IdsAsync(host, $"from={local:yyyy-MM-dd'T'HH:mm:ss}+02:00&to={Iso(Now.AddHours(-1))}"));
        Assert.Equal("b", await IdsAsync(host, $"from={local:yyyy-MM-dd'T'HH:mm:ss}%2B0200&to={Iso(Now.AddHours(-1))}"));
        Assert.Equal("f", await IdsAsync(host, $"to={Now.AddDays(-1):yyyy-MM-dd}")); // a date is its midnight, UTC
        Assert.Equal("e,d", await IdsAsync(host, "limit=2"));
        Assert.Equal("e,d,c,b,a,f", await IdsAsync(host, "limit=1000&source=&agent=")); // empty is absent
    }

    [SkippableFact]
    public async Task Runs_Json_ContractNamesAndUtcTimes()
    {
        await using var test = await NewDatabaseAsync();
        await using var host = await StartHostAsync(test);
        await StoreAsync(test,
            Run("done", "lab-1", Now.AddMinutes(-5), RunOutcomes.Passed),
            Run("busy", "lab-2", Now.AddMinutes(-1), RunOutcomes.Running));

        using var response = await host.Http.GetAsync("/api/history/runs");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("next").ValueKind);
        var busy = json.GetProperty("runs")[0];
        var done = json.GetProperty("runs")[1];
        Assert.Equal(
            ["source", "agentName", "port", "executionId", "runId", "processId", "modelName", "userName", "type", "initiator",
             "startTime", "endTime", "outcome", "durationSeconds", "lastLog"],
            done.EnumerateObject().Select(p => p.Name));
        Assert.Equal(RunsCsv.Columns, done.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Iso(Now.AddMinutes(-5)), done.GetProperty("startTime").GetString());
        Assert.Equal(Iso(Now.AddMinutes(-3)), done.GetProperty("endTime").GetString());
        Assert.Equal(120, done.GetProperty("durationSeconds").GetDouble());
        Assert.Equal(JsonValueKind.Null, busy.GetProperty("endTime").ValueKind);
        Assert.Equal(JsonValueKind.Null, busy.GetProperty("durationSeconds").ValueKind);
        Assert.Equal("Running", busy.GetProperty("outcome").GetString());
    }

    [SkippableFact]
    public async Task Runs_CursorPaging_EveryRowOnceAcrossPages()
    {
        await using var test = await NewDatabaseAsync();
        await using var host = await StartHostAsync(test);
        // Seven runs, four at one instant: pages must split them without repeating or skipping one.
        var starts = new[] { -9, -7, -5, -5, -5, -5, -1 };
        await StoreAsync(test, [.. starts.Select((m, i) => Run($"run-{i}", "lab-1", Now.AddMinutes(m), RunOutcomes.Passed))]);

        var seen = new List<string>();
        var pages = 0;
        string? next = null;
        do
        {
            var page = await GetAsync<RunRecordsPage>(host, "/api/history/runs?limit=3" + (next is null ? "" : "&cursor=" + Uri.EscapeDataString(next)));
            seen.AddRange(page.Runs.Select(r => r.ExecutionId));
            next = page.Next;
            pages++;
        }
        while (next is not null);

        Assert.Equal(3, pages);
        Assert.Equal(7, seen.Distinct().Count());
        Assert.Equal(7, seen.Count);
        Assert.Equal("run-6", seen[0]);
        Assert.Equal("run-0", seen[^1]);
        // A filter keeps applying on the next pages.
        var failed = await GetAsync<RunRecordsPage>(host, "/api/history/runs?limit=3&outcome=Failed");
        Assert.Empty(failed.Runs);
        Assert.Null(failed.Next);
    }

    [SkippableFact]
    public async Task Parameters_Bad_400NamingTheParameter()
    {
        await using var test = await NewDatabaseAsync();
        await using var host = await StartHostAsync(test);

        string[][] cases =
        [
            ["runs?limit=0", "limit"], ["runs?limit=1001", "limit"], ["runs?limit=ten", "limit"], ["runs?limit=-5", "limit"],
            ["runs?limit=1.5", "limit"], ["runs?from=yesterday", "from"], ["runs?from=05/12/2026", "from"],
            ["runs?to=2026-13-45", "to"], ["runs?from=2026-12-05&to=2026-12-05", "to"], ["runs?from=2026-12-06&to=2026-12-05", "to"],
            ["runs?cursor=abc", "cursor"], ["runs?cursor=" + Uri.EscapeDataString("{\"a\":1}"), "cursor"],
            ["runs?source=a&source=b", "source"], ["runs?outcome=Failed&outcome=Passed", "outcome"], ["runs?sort=name", "sort"],
            ["runs?outcome=" + string.Join(",", Enumerable.Range(0, 51).Select(i => "o" + i)), "outcome"],
            ["runs.csv?limit=100001", "limit"], ["runs.csv?from=noon", "from"], ["runs.csv?colour=red", "colour"],
            ["events?limit=0", "limit"], ["events?kind=Exploded", "kind"], ["events?model=Login", "model"],
            ["events?outcome=Failed", "outcome"], ["events?cursor=%%%", "cursor"], ["events?to=later", "to"],
        ];
        foreach (var (path, parameter) in cases.Select(c => (c[0], c[1])))
        {
            using var response = await host.Http.GetAsync("/api/history/" + path);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {response.StatusCode}");
            var error = (await response.Content.ReadFromJsonAsync<ApiError>())!.Error;
            Assert.True(error.StartsWith(parameter + " ", StringComparison.Ordinal) || error.Contains($"'{parameter}'", StringComparison.Ordinal),
                $"{path}: \"{error}\" does not name {parameter}");
        }
    }

    [SkippableFact]
    public async Task Csv_SameQuery_SameRowsAsJsonWithEscapingAndFormulaGuard()
    {
        await using var test = await NewDatabaseAsync();
        await using var host = await StartHostAsync(test);
        await StoreAsync(test,
            Run("plain", "lab-1", Now.AddMinutes(-9), RunOutcomes.Passed),
            Run("comma", "lab,1", Now.AddMinutes(-8), RunOutcomes.Failed, model: "Login, then pay") with { LastLog = "line 1\r\nline \"2\"\nline 3" },
            Run("formula", "lab-1", Now.AddMinutes(-7), RunOutcomes.Failed, model: "=HYPERLINK(\"http://x\")") with { LastLog = "-1+2", UserName = "@admin" },
            Run("other", "lab-2", Now.AddMinutes(-6), RunOutcomes.Passed),
            Run("busy", "lab-1", Now.AddMinutes(-1), RunOutcomes.Running) with { LastLog = null });
        const string query = "?outcome=Failed,Running,Passed&limit=4&from=2000-01-01";

        var json = await GetAsync<RunRecordsPage>(host, "/api/history/runs" + query);
        using var response = await host.Http.GetAsync("/api/history/runs.csv" + query);
        var text = await response.Content.ReadAsStringAsync();
        var records = CsvText.Parse(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("sutweb-runs.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.True(response.Headers.Contains(RunsCsv.NextHeader), $"next {json.Next}; json {string.Join(",", json.Runs.Select(r => r.ExecutionId))}; csv {text}");
        Assert.Equal(json.Next, Assert.Single(response.Headers.GetValues(RunsCsv.NextHeader)));
        Assert.Equal(RunsCsv.Columns, records[0]);
        Assert.Equal(json.Runs.Select(Expected), records.Skip(1));
        var formula = records.Single(r => r[3] == "formula");
        Assert.Equal("'=HYPERLINK(\"http://x\")", formula[6]);
        Assert.Equal("'@admin", formula[7]);
        Assert.Equal("'-1+2", formula[14]);
        Assert.Equal("line 1\r\nline \"2\"\nline 3", records.Single(r => r[3] == "comma")[14]);
        Assert.Equal("lab,1", records.Single(r => r[3] == "comma")[1]);
    }

    [SkippableFact]
    public async Task Csv_WithoutLimit_EveryRowAcrossPagesAndCutExportSaysWhereToGoOn()
    {
        await using var test = await NewDatabaseAsync();
        await using var host = await StartHostAsync(test);
        var store = new HistoryStore(await test.OpenAsync(o => o.CommandTimeout = TimeSpan.FromSeconds(30)));
        for (var batch = 0; batch < 5; batch++)
        {
            await store.ApplyAsync([.. Enumerable.Range(0, 500).Select(i => Run($"bulk-{batch}-{i:000}", "lab-1", Now.AddSeconds(-(batch * 500 + i)), RunOutcomes.Passed))], [], CancellationToken.None);
        }

        using var all = await host.Http.GetAsync("/api/history/runs.csv");
        var rows = CsvText.Parse(await all.Content.ReadAsStringAsync()).Skip(1).ToList();
        using var cut = await host.Http.GetAsync("/api/history/runs.csv?limit=1500");
        var cutRows = CsvText.Parse(await cut.Content.ReadAsStringAsync()).Skip(1).ToList();
        var next = Assert.Single(cut.Headers.GetValues(RunsCsv.NextHeader));
        var rest = await GetAsync<RunRecordsPage>(host, "/api/history/runs?limit=1000&cursor=" + Uri.EscapeDataString(next));

        Assert.Equal(2500, rows.Count);
        Assert.Equal(2500, rows.Select(r => r[3]).Distinct().Count());
        Assert.Equal("bulk-0-000", rows[0][3]);
        Assert.Equal("bulk-4-499", rows[^1][3]);
        Assert.False(all.Headers.Contains(RunsCsv.NextHeader));
        Assert.Equal(rows.Take(1500).Select(r => r[3]), cutRows.Select(r => r[3]));
        Assert.Equal(rows.Skip(1500).Take(1000).Select(r => r[3]), rest.Runs.Select(r => r.ExecutionId));
    }

    [SkippableFact]
    public async Task Events_FiltersAndCursor_NewestFirst()
    {
        await using var test = await NewDatabaseAsync();
        await using var host = await StartHostAsync(test);
        await StoreAsync(test,
            new EventWrite("default", Now.AddMinutes(-4), "lab-1", 5001, AgentEventKinds.Connected, "Idle", null),
            new EventWrite("default", Now.AddMinutes(-3), "lab-2", 5002, AgentEventKinds.Connected, "Idle", null),
            new EventWrite("lab-b", Now.AddMinutes(-2), "lab-1", 5001, AgentEventKinds.Connected, "Idle", null),
            new EventWrite("default", Now.AddMinutes(-1), "lab-1", 5001, AgentEventKinds.Disconnected, "Unknown", null));

        var first = await GetAsync<AgentEventsPage>(host, "/api/history/events?agent=lab-1&source=default&limit=1");
        var second = await GetAsync<AgentEventsPage>(host, "/api/history/events?agent=lab-1&source=default&limit=1&cursor=" + Uri.EscapeDataString(first.Next!));
        var connected = await GetAsync<AgentEventsPage>(host, "/api/history/events?kind=connected&agent=lab-1");
        var window = await GetAsync<AgentEventsPage>(host, $"/api/history/events?from={Iso(Now.AddMinutes(-3))}&to={Iso(Now.AddMinutes(-1))}");
        var raw = JsonDocument.Parse(await host.Http.GetStringAsync("/api/history/events?limit=1&agent=lab-1")).RootElement;

        var disconnected = Assert.Single(first.Events);
        Assert.Equal(AgentEventKinds.Disconnected, disconnected.Kind);
        Assert.Equal("Unknown", disconnected.State);
        Assert.Equal(Now.AddMinutes(-1), disconnected.At);
        Assert.Equal(AgentEventKinds.Connected, Assert.Single(second.Events).Kind);
        Assert.Null(second.Next);
        Assert.Equal(["lab-b", "default"], connected.Events.Select(e => e.Source));
        Assert.Equal(["lab-b", "default"], window.Events.Select(e => e.Source));
        Assert.Equal(["at", "source", "agentName", "port", "kind", "state", "executionId"], raw.GetProperty("events")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(Iso(Now.AddMinutes(-1)), raw.GetProperty("events")[0].GetProperty("at").GetString());
        Assert.NotNull(raw.GetProperty("next").GetString());
    }

    [SkippableFact]
    public async Task Status_WithHistory_SameSnapshotAsTheBoard()
    {
        await using var test = await NewDatabaseAsync();
        await using var host = await StartHostAsync(test);

        var status = JsonDocument.Parse(await host.Http.GetStringAsync("/api/status")).RootElement;

        Assert.Equal(host.Board.Current.Version, status.GetProperty("version").GetInt64());
        Assert.Equal("Healthy", status.GetProperty("health").GetProperty("state").GetString());
    }

    /// <summary>A CSV record as the JSON run should give it: times and numbers as the JSON writes them, text guarded.</summary>
    private static string[] Expected(RunRecord run) =>
    [
        run.Source, run.AgentName, Text(run.Port), run.ExecutionId, run.RunId ?? "", Text(run.ProcessId), Guard(run.ModelName),
        Guard(run.UserName), Guard(run.Type), Guard(run.Initiator), Iso(run.StartTime), run.EndTime is { } end ? Iso(end) : "",
        Guard(run.Outcome), run.DurationSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Guard(run.LastLog),
    ];

    private static string Guard(string? text) => text is [ '=' or '+' or '-' or '@', ..] ? "'" + text : text ?? "";

    private static string Text(int? number) => number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>A UTC time as the API writes it.</summary>
    protected static string Iso(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture);

    protected static async Task<T> GetAsync<T>(SutWebHost host, string path)
    {
        using var response = await host.Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web))!;
    }

    private static async Task<string> IdsAsync(SutWebHost host, string query) =>
        string.Join(",", (await GetAsync<RunRecordsPage>(host, "/api/history/runs?" + query)).Runs.Select(r => r.ExecutionId));

    /// <summary>
    /// The host once its recorder has closed what the start closes (runs of sources no longer configured, runs not on the
    /// board): an agent connected after that is recorded, so seeded running runs stay running.
    /// </summary>
    protected static async Task<SutWebHost> StartHostAsync(HistoryTestDatabase test)
    {
        var host = await HistoryHost.StartAsync(test);
        await host.PutAgentAsync("probe", HistoryAgents.Idle("probe", 5999));
        await Eventually.UntilAsync(async () => (await host.EventsAsync("probe")).Count > 0, "the recorder has caught up with the board");
        return host;
    }

    /// <summary>Rows written beside the host's recorder, with a lock timeout long enough to wait for its writes.</summary>
    protected static async Task StoreAsync(HistoryTestDatabase test, params HistoryWrite[] writes) =>
        await new HistoryStore(await test.OpenAsync(o => o.CommandTimeout = TimeSpan.FromSeconds(30))).ApplyAsync(writes, [], CancellationToken.None);

    protected static RunWrite Run(string executionId, string agentName, DateTimeOffset start, string outcome, string model = "Login", string source = "default") =>
        new(source, start, executionId, agentName, 5001, "run-" + executionId, 4001, model, "tester", "model", "api", start,
            outcome == RunOutcomes.Running ? null : start.AddMinutes(2), outcome, "log of " + executionId);
}
