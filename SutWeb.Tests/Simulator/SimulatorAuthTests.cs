using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SutWeb.Tests.Simulator;

public sealed class SimulatorAuthTests
{
    [Fact]
    public async Task Auth_ValidCredentials_ReturnsBearerTokenForConfiguredLifetime()
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var response = await sim.AuthAsync("martin.dann@eggplant.io", SimulatorHost.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await SimulatorHost.ReadObjectAsync(response);
        Assert.False(string.IsNullOrEmpty(body["access_token"]?.GetValue<string>()));
        Assert.Equal(3600, body["expires_in"]?.GetValue<int>());
        Assert.Equal("bearer", body["token_type"]?.GetValue<string>());
    }

    [Fact]
    public async Task Auth_ConfiguredPassword_IsTheOneAccepted()
    {
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("Password", "s3cret")));

        using var wrong = await sim.AuthAsync("tester", SimulatorHost.Password);
        using var right = await sim.AuthAsync("tester", "s3cret");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Theory]
    [InlineData(null, SimulatorHost.Password, "username")]
    [InlineData("tester", null, "password")]
    [InlineData("", SimulatorHost.Password, "username")]
    public async Task Auth_MissingParameter_Returns400WithMessage(string? username, string? password, string missing)
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var response = await sim.AuthAsync(username, password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await SimulatorHost.ReadObjectAsync(response);
        Assert.Equal("Bad Request", body["message"]?.GetValue<string>());
        Assert.Contains(missing, body["description"]?.GetValue<string>());
    }

    [Fact]
    public async Task Auth_WrongPassword_Returns401WithEggplantBody()
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var response = await sim.AuthAsync("tester", "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var expected = JsonNode.Parse("""{"message": "Not Authorized", "description": "The credentials you provided are not valid."}""");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(await response.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task Auth_AfterTokenLifetimeChanged_IssuesTokensWithNewLifetime()
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var set = await sim.PutControlAsync("tokens", new { lifetimeSeconds = 5 });
        using var response = await sim.AuthAsync("tester", SimulatorHost.Password);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(5, (await SimulatorHost.ReadObjectAsync(response))["expires_in"]?.GetValue<int>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task ControlTokens_LifetimeOutOfRange_Returns400(int seconds)
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var response = await sim.PutControlAsync("tokens", new { lifetimeSeconds = seconds });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OAuthToken_ClientCredentialsInForm_ReturnsTokenThatReadsStatus()
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var response = await sim.Client.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "sutweb",
            ["client_secret"] = SimulatorHost.Password,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await SimulatorHost.ReadObjectAsync(response);
        Assert.Equal("bearer", body["token_type"]?.GetValue<string>());
        Assert.Equal(3600, body["expires_in"]?.GetValue<int>());
        using var status = await sim.StatusAsync(body["access_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Fact]
    public async Task OAuthToken_ClientCredentialsInBasicHeader_ReturnsToken()
    {
        await using var sim = await SimulatorHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("sutweb:" + SimulatorHost.Password)));

        using var response = await sim.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("client_credentials", "wrong", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("password", SimulatorHost.Password, HttpStatusCode.BadRequest, "unsupported_grant_type")]
    [InlineData("client_credentials", "", HttpStatusCode.BadRequest, "invalid_request")]
    public async Task OAuthToken_BadRequest_ReturnsOAuthError(string grantType, string secret, HttpStatusCode expectedStatus, string expectedError)
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var response = await sim.Client.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = grantType,
            ["client_id"] = "sutweb",
            ["client_secret"] = secret,
        }));

        Assert.Equal(expectedStatus, response.StatusCode);
        Assert.Equal(expectedError, (await SimulatorHost.ReadObjectAsync(response))["error"]?.GetValue<string>());
    }
}
