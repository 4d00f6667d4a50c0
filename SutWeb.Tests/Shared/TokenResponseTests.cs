using System.Text;
using System.Text.Json;
using SutWeb.Shared.Wire;
using static SutWeb.Tests.Shared.WirePayloads;

namespace SutWeb.Tests.Shared;

public sealed class TokenResponseTests
{
    [Fact]
    public void Deserialize_AuthOkFixture_ReadsTokenAndLifetime()
    {
        var token = JsonSerializer.Deserialize(Fixture("auth-ok.json"), EggplantJsonContext.Default.TokenResponse);

        Assert.NotNull(token);
        Assert.StartsWith("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE1Mjc3ODU3ODAs", token.AccessToken);
        Assert.EndsWith(".I7oef6kA9F6gvY9HHsgMvLBka4JsmLTiQIB6gPt8xrU", token.AccessToken);
        Assert.Equal(3600, token.ExpiresIn);
        Assert.Equal("bearer", token.TokenType);
    }

    [Fact]
    public void Deserialize_ExpiresInAsString_ReadsTheNumber()
    {
        var token = JsonSerializer.Deserialize(
            Encoding.UTF8.GetBytes("""{"access_token": "abc", "expires_in": "3600", "token_type": "Bearer"}"""),
            EggplantJsonContext.Default.TokenResponse);

        Assert.Equal(3600, token?.ExpiresIn);
        Assert.Equal("Bearer", token?.TokenType);
    }

    [Fact]
    public void Deserialize_OAuthAnswerWithExtraFields_IgnoresThem()
    {
        var token = JsonSerializer.Deserialize(
            Encoding.UTF8.GetBytes("""
                {"access_token": "abc", "expires_in": 300, "token_type": "bearer",
                 "scope": "api", "refresh_expires_in": 0, "not-before-policy": {"x": [1]}}
                """),
            EggplantJsonContext.Default.TokenResponse);

        Assert.Equal("abc", token?.AccessToken);
        Assert.Equal(300, token?.ExpiresIn);
    }

    [Fact]
    public void Deserialize_ExpiresInMissing_ReadsAsNull()
    {
        var token = JsonSerializer.Deserialize(
            Encoding.UTF8.GetBytes("""{"access_token": "abc"}"""),
            EggplantJsonContext.Default.TokenResponse);

        Assert.Equal("abc", token?.AccessToken);
        Assert.Null(token?.ExpiresIn);
    }
}
