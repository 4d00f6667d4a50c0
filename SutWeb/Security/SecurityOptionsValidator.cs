using System.Net;
using Microsoft.Extensions.Options;

namespace SutWeb.Security;

/// <summary>Rejects settings that would weaken or break the headers, the origin check and the key check.</summary>
public sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var errors = new List<string>();
        if (options.RequiresKey && options.AccessKey!.Length < 12)
        {
            errors.Add("Security:AccessKey must be at least 12 characters long.");
        }
        if (string.IsNullOrWhiteSpace(options.FrameAncestors) || options.FrameAncestors.IndexOfAny([';', ',', '\r', '\n']) >= 0)
        {
            errors.Add("Security:FrameAncestors must be a space-separated list of CSP sources, e.g. 'self' https://tv.example.com ('none' forbids framing).");
        }
        if (options.AccessCookieLifetime < TimeSpan.FromMinutes(1))
        {
            errors.Add("Security:AccessCookieLifetime must be at least one minute, e.g. 30.00:00:00 for 30 days.");
        }
        foreach (var origin in options.AllowedOrigins.Where(o => WebOrigin.Normalize(o) is null))
        {
            errors.Add($"Security:AllowedOrigins: '{origin}' is not an origin; give scheme, host and port only, e.g. https://portal.example.com.");
        }
        foreach (var proxy in options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _) && !IPNetwork.TryParse(p, out _)))
        {
            errors.Add($"Security:KnownProxies: '{proxy}' is neither an IP address nor a network such as 10.0.0.0/8.");
        }
        if (options.KnownProxies.Length > 0 && !options.TrustForwardedHeaders)
        {
            errors.Add("Security:KnownProxies is set but Security:TrustForwardedHeaders is not true: forwarded headers would still be ignored.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
