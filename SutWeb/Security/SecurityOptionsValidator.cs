using Microsoft.Extensions.Options;

namespace SutWeb.Security;

/// <summary>Rejects settings that would weaken or break the headers and the key check.</summary>
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
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
