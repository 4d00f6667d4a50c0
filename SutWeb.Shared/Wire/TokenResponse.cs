using System.Text.Json.Serialization;

namespace SutWeb.Shared.Wire;

/// <summary>The answer of <c>POST /auth</c> and of an OAuth 2.0 client-credentials token URL.</summary>
public sealed class TokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("expires_in")]
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? ExpiresIn { get; init; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }
}
