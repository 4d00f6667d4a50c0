using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using SutWeb.Operators;

namespace SutWeb.Identity;

/// <summary>
/// Turns the provider's ID token claims into SutWeb's: who the person is (<see cref="OperatorClaims.Who"/>: name, else
/// e-mail, else preferred user name, else subject) and, only when the configured claim carries the configured value,
/// <see cref="OperatorClaims.Operator"/>. A multi-valued claim (a roles array) arrives as several claims of one type or,
/// from some handlers, as one claim holding a JSON array: both count.
/// </summary>
public static class OperatorIdentity
{
    public static bool HasOperatorClaim(ClaimsPrincipal user, string claimType, string claimValue) =>
        user.FindAll(claimType).Any(claim => Values(claim.Value).Contains(claimValue, StringComparer.Ordinal));

    public static string? WhoFrom(ClaimsPrincipal user) =>
        new[] { "name", ClaimTypes.Name, "email", ClaimTypes.Email, "preferred_username", "sub", ClaimTypes.NameIdentifier }
            .Select(type => user.FindFirst(type)?.Value)
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));

    /// <summary>SutWeb's own claims for a new sign-in, added to the provider's identity.</summary>
    public static IEnumerable<Claim> ClaimsFor(ClaimsPrincipal user, OidcOptions options, DateTimeOffset now)
    {
        yield return new Claim(OperatorClaims.Who, WhoFrom(user) ?? "unnamed user");
        if (HasOperatorClaim(user, options.OperatorClaimType!, options.OperatorClaimValue!))
        {
            yield return new Claim(OperatorClaims.Operator, "true");
        }
        yield return new Claim(OidcDefaults.SessionClaim, Guid.NewGuid().ToString("N"));
        yield return new Claim(OidcDefaults.SignedInAtClaim, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
    }

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst(OidcDefaults.SignedInAtClaim)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static string? SessionOf(ClaimsPrincipal? user) => user?.FindFirst(OidcDefaults.SessionClaim)?.Value;

    private static IEnumerable<string> Values(string value)
    {
        if (!value.StartsWith('['))
        {
            return [value];
        }
        try
        {
            using var document = JsonDocument.Parse(value);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? [.. document.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
                : [value];
        }
        catch (JsonException)
        {
            return [value];
        }
    }
}
