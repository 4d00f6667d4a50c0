using Microsoft.Extensions.Options;

namespace SutWeb.Identity;

/// <summary>Rejects a half-configured sign-in at start-up, naming the setting; never repeats the client secret.</summary>
public sealed class OidcOptionsValidator : IValidateOptions<OidcOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        var anySet = options.IsConfigured || !string.IsNullOrWhiteSpace(options.ClientId) || !string.IsNullOrEmpty(options.ClientSecret)
            || !string.IsNullOrWhiteSpace(options.OperatorClaimType) || !string.IsNullOrWhiteSpace(options.OperatorClaimValue);
        if (!anySet)
        {
            return ValidateOptionsResult.Success;
        }
        var errors = new List<string>();
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority))
        {
            errors.Add("Security:Oidc:Authority must be the provider's absolute issuer address, e.g. https://login.example.com/realms/qa (the other Security:Oidc settings need it).");
        }
        else if (authority.Scheme != Uri.UriSchemeHttps && !options.AllowsHttpMetadata)
        {
            errors.Add("Security:Oidc:Authority must use https (plain http only for a provider on a loopback address).");
        }
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            errors.Add("Security:Oidc:ClientId must name SutWeb's client at the provider.");
        }
        if (string.IsNullOrWhiteSpace(options.OperatorClaimType))
        {
            errors.Add("Security:Oidc:OperatorClaimType must name the ID token claim that marks an operator, e.g. roles or groups.");
        }
        if (string.IsNullOrWhiteSpace(options.OperatorClaimValue))
        {
            errors.Add("Security:Oidc:OperatorClaimValue must be the value of that claim that makes an operator, e.g. sutweb-operator.");
        }
        if (options.IdleTimeout < TimeSpan.FromMinutes(1))
        {
            errors.Add("Security:Oidc:IdleTimeout must be at least one minute, e.g. 00:30:00.");
        }
        if (options.MaxLifetime < options.IdleTimeout)
        {
            errors.Add("Security:Oidc:MaxLifetime must be at least Security:Oidc:IdleTimeout, e.g. 12:00:00.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
