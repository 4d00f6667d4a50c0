using Microsoft.Extensions.Options;

namespace SutWeb.Components;

/// <summary>Checks the dashboard settings at start-up, with messages that name the setting to fix.</summary>
public sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var errors = new List<string>();
        if (options.StuckAfter <= TimeSpan.Zero)
        {
            errors.Add($"Dashboard:StuckAfter must be positive (is {options.StuckAfter}).");
        }
        if (options.DisconnectedRetention < TimeSpan.Zero)
        {
            errors.Add($"Dashboard:DisconnectedRetention must not be negative (is {options.DisconnectedRetention}).");
        }
        if (options.MaxDepartedRows < 0)
        {
            errors.Add($"Dashboard:MaxDepartedRows must not be negative (is {options.MaxDepartedRows}).");
        }
        if (!string.IsNullOrWhiteSpace(options.PublicUrl)
            && !(Uri.TryCreate(options.PublicUrl.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                 && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment)))
        {
            errors.Add($"Dashboard:PublicUrl must be an absolute http or https URL without query or fragment, such as https://sutweb.example.com/ (is '{options.PublicUrl}').");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
