using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Simulator;

public sealed class SimulatorFaultTests
{
    [Fact]
    public async Task Http500_AllEggplantEndpoints_Return500WithJsonError()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var token = await sim.GetTokenAsync();
        await sim.SetFaultAsync("http500");

        using var auth = await sim.AuthAsync("tester", SimulatorHost.Password);
        using var status = await sim.StatusAsync(token);
        using var abort = await sim.AbortAsync(token, "1");

        foreach (var response in new[] { auth, status, abort })
        {
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("Internal Server Error", (await SimulatorHost.ReadObjectAsync(response))["message"]?.GetValue<string>());
        }
    }

    [Fact]
    public async Task Timeout_Status_OutlastsClientTimeout()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var token = await sim.GetTokenAsync();
        await sim.SetFaultAsync("timeout");
        using var impatient = sim.CreateClient(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => sim.StatusAsync(token, impatient));
    }

    [Fact]
    public async Task Timeout_Auth_OutlastsClientTimeout()
    {
        await using var sim = await SimulatorHost.StartAsync();
        await sim.SetFaultAsync("timeout");
        using var impatient = sim.CreateClient(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => sim.AuthAsync("tester", SimulatorHost.Password, impatient));
    }

    [Fact]
    public async Task Malformed_Status_Returns200WithTruncatedArray()
    {
        await using var sim = await SimulatorHost.StartAsync();
        await sim.SetActivityAsync(false);
        var token = await sim.GetTokenAsync();
        using var good = await sim.StatusAsync(token);
        var real = await good.Content.ReadAsStringAsync();
        await sim.SetFaultAsync("malformed");

        using var response = await sim.StatusAsync(token);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(body);
        Assert.StartsWith(body, real, StringComparison.Ordinal);
        Assert.True(body.Length < real.Length);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Html_Status_Returns200WithHtmlPage()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var token = await sim.GetTokenAsync();
        await sim.SetFaultAsync("html");

        using var response = await sim.StatusAsync(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unauthorized_StatusAndAbort_RejectEveryTokenButAuthStillIssues()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var token = await sim.GetTokenAsync();
        await sim.SetFaultAsync("unauthorized");

        using var auth = await sim.AuthAsync("tester", SimulatorHost.Password);
        var fresh = (await SimulatorHost.ReadObjectAsync(auth))["access_token"]!.GetValue<string>();
        using var status = await sim.StatusAsync(token);
        using var freshStatus = await sim.StatusAsync(fresh);
        using var abort = await sim.AbortAsync(fresh, "1");

        Assert.Equal(HttpStatusCode.OK, auth.StatusCode);
        foreach (var response in new[] { status, freshStatus, abort })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Not Authorized", (await SimulatorHost.ReadObjectAsync(response))["message"]?.GetValue<string>());
        }
    }

    [Fact]
    public async Task Slow_Status_AnswersCorrectlyOnlyAfterDelay()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var time = sim.Time!;
        await sim.SetActivityAsync(false);
        var token = await sim.GetTokenAsync();
        using var good = await sim.StatusAsync(token);
        var real = await good.Content.ReadAsStringAsync();
        await sim.SetFaultAsync("slow", delayMs: 60_000);

        var pending = sim.StatusAsync(token);
        // The answer cannot come before the simulator's clock has moved on by the whole delay.
        var advanced = TimeSpan.Zero;
        await Eventually.UntilAsync(async () =>
        {
            if (pending.IsCompleted)
            {
                return true;
            }
            time.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
            await Task.WhenAny(pending, Task.Delay(TimeSpan.FromMilliseconds(10)));
            return false;
        }, "the slow answer arrives once the delay has passed");
        using var response = await pending;

        Assert.True(advanced >= TimeSpan.FromSeconds(60), $"answered after {advanced}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(real, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StallBody_Status_SendsHeadersAndHalfTheBodyThenHoldsTheConnectionUntilCleared()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var (token, real) = await RealAnswerAsync(sim);
        await sim.SetFaultAsync("stall-body");

        using var response = await sim.Client.SendAsync(StatusRequest(token), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var half = await ReadExactlyAsync(body, real.Length / 2);
        var buffer = new byte[1024];
        var next = body.ReadAsync(buffer).AsTask();
        sim.Time!.Advance(TimeSpan.FromHours(1)); // silence is not a delay that runs out
        var stillWaiting = !next.IsCompleted;
        await sim.SetFaultAsync("none");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(real.Length, response.Content.Headers.ContentLength);
        Assert.Equal(real[..(real.Length / 2)], half);
        Assert.True(stillWaiting, "the rest of the body came while the fault held it");
        await Assert.ThrowsAnyAsync<IOException>(() => next); // cleared: the connection is closed, the body incomplete
    }

    [Fact]
    public async Task Drip_Status_SendsTheBodyOneByteEveryTwoSeconds()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var (token, real) = await RealAnswerAsync(sim);
        await sim.SetFaultAsync("drip");

        using var response = await sim.Client.SendAsync(StatusRequest(token), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new List<byte>(await ReadExactlyAsync(body, 1));
        for (var i = 1; i < 4; i++)
        {
            var buffer = new byte[1024];
            var next = body.ReadAsync(buffer).AsTask();
            // The next byte cannot come before the simulator's clock has moved on by two seconds.
            var advanced = TimeSpan.Zero;
            await Eventually.UntilAsync(async () =>
            {
                if (next.IsCompleted)
                {
                    return true;
                }
                sim.Time!.Advance(TimeSpan.FromSeconds(1));
                advanced += TimeSpan.FromSeconds(1);
                await Task.WhenAny(next, Task.Delay(TimeSpan.FromMilliseconds(10)));
                return false;
            }, $"byte {i} arrives");
            Assert.True(advanced >= TimeSpan.FromSeconds(2), $"byte {i} came after {advanced}");
            Assert.Equal(1, await next);
            received.Add(buffer[0]);
        }

        Assert.Equal(real.Length, response.Content.Headers.ContentLength);
        Assert.Equal(real[..4], received.ToArray());
    }

    [Fact]
    public async Task Reset_Status_ClosesTheConnectionAfterHalfTheBody()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var (token, real) = await RealAnswerAsync(sim);
        await sim.SetFaultAsync("reset");

        using var response = await sim.Client.SendAsync(StatusRequest(token), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        var broken = await Record.ExceptionAsync(() => body.CopyToAsync(received));

        // At most the first half arrives (what was sent may be lost with the closed connection), then the read breaks.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.IsAssignableFrom<IOException>(broken);
        Assert.InRange(received.Length, 0, real.Length / 2);
        Assert.Equal(real[..(int)received.Length], received.ToArray());
    }

    [Fact]
    public async Task None_AfterFault_RestoresNormalAnswers()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var token = await sim.GetTokenAsync();
        await sim.SetFaultAsync("http500");
        await sim.SetFaultAsync("none");

        using var response = await sim.StatusAsync(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Fault_ControlEndpoints_AreNeverFaulted()
    {
        await using var sim = await SimulatorHost.StartAsync();
        await sim.SetFaultAsync("http500");

        Assert.Equal(8, (await sim.GetAgentsAsync()).Count);
        Assert.NotNull((await sim.GetStatsAsync())["statusRequests"]);
    }

    [Theory]
    [InlineData("""{"kind": "explode"}""")]
    [InlineData("""{"kind": "3"}""")]
    [InlineData("""{"delayMs": 5}""")]
    [InlineData("""{"kind": "slow", "delayMs": -1}""")]
    [InlineData("not json")]
    public async Task Fault_UnknownOrInvalid_Returns400(string body)
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var response = await sim.Client.PutAsync("control/fault", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad Request", (await SimulatorHost.ReadObjectAsync(response))["message"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("stall-body")]
    [InlineData("drip")]
    [InlineData("reset")]
    public async Task Fault_SocketLevelKind_IsAcceptedAndEchoed(string kind)
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var response = await sim.PutControlAsync("fault", new { kind = kind.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(kind, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fault_Set_EchoesSetting()
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var response = await sim.PutControlAsync("fault", new { kind = "Slow", delayMs = 250 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = JsonNode.Parse("""{"kind": "slow", "delayMs": 250}""");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(await response.Content.ReadAsStringAsync())));
    }

    private static async Task<(string Token, byte[] Body)> RealAnswerAsync(SimulatorHost sim)
    {
        await sim.SetActivityAsync(false);
        var token = await sim.GetTokenAsync();
        using var good = await sim.StatusAsync(token);
        return (token, await good.Content.ReadAsByteArrayAsync());
    }

    private static HttpRequestMessage StatusRequest(string token) =>
        new(HttpMethod.Post, "api/sut/status")
        {
            Content = new FormUrlEncodedContent([]),
            Headers = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("bearer", token) },
        };

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer);
        return buffer;
    }
}
