using System.Security.Cryptography;
using System.Text;

namespace SutWeb.Notifications.Channels;

/// <summary><c>X-SutWeb-Signature</c>: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the exact body bytes, keyed by the UTF-8 of the channel's secret.</summary>
public static class WebhookSignature
{
    public const string Header = "X-SutWeb-Signature";

    public const string DeliveryHeader = "X-SutWeb-Delivery";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>As a receiver checks it: in constant time, so that the comparison leaks nothing of the expected value.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header));
}
