using Microsoft.Extensions.Options;

namespace SutWeb.Eggplant;

/// <summary>Checks the Eggplant settings at start-up, with messages that name the setting to fix.</summary>
public sealed class EggplantOptionsValidator(IHostEnvironment environment) : IValidateOptions<EggplantOptions>
{
    public ValidateOptionsResult Validate(string? name, EggplantOptions options)
    {
        var errors = new List<string>();
        if (!options.UsesSimulator && !IsHttpUrl(options.BaseUrl))
        {
            errors.Add("Eggplant:BaseUrl must be an absolute http or https URL without user name or password in it.");
        }
        if (options.UsesClientCredentials)
        {
            if (!IsHttpUrl(options.TokenUrl))
            {
                errors.Add("Eggplant:TokenUrl must be an absolute http or https URL.");
            }
            if (Missing(
                    (nameof(options.ClientId), string.IsNullOrWhiteSpace(options.ClientId)),
                    (nameof(options.ClientSecret), string.IsNullOrWhiteSpace(options.ClientSecret))) is { } missing)
            {
                errors.Add($"Eggplant:ClientId and Eggplant:ClientSecret are required with Eggplant:TokenUrl; {missing}");
            }
        }
        else if (!options.UsesSimulator
            && Missing(
                (nameof(options.Username), string.IsNullOrWhiteSpace(options.Username)),
                (nameof(options.Password), string.IsNullOrEmpty(options.Password))) is { } missing)
        {
            errors.Add("Eggplant:Username and Eggplant:Password are required with Eggplant:BaseUrl (or set Eggplant:TokenUrl, "
                + $"Eggplant:ClientId and Eggplant:ClientSecret); {missing}");
        }
        if (options.PollInterval < TimeSpan.FromMilliseconds(250))
        {
            errors.Add($"Eggplant:PollInterval must be at least 00:00:00.250 (is {options.PollInterval}).");
        }
        if (options.IdlePollInterval < options.PollInterval)
        {
            errors.Add($"Eggplant:IdlePollInterval must not be shorter than Eggplant:PollInterval (is {options.IdlePollInterval}, "
                + $"Eggplant:PollInterval is {options.PollInterval}).");
        }
        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add("Eggplant:RequestTimeout must be positive.");
        }
        if (options.RetryCount is < 0 or > 10)
        {
            errors.Add("Eggplant:RetryCount must be between 0 and 10.");
        }
        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            errors.Add("Eggplant:RetryBaseDelay must not be negative.");
        }
        if (options.CircuitBreakerFailures < 1)
        {
            errors.Add("Eggplant:CircuitBreakerFailures must be at least 1.");
        }
        if (options.CircuitBreakDuration is { } breakDuration && breakDuration <= TimeSpan.Zero)
        {
            errors.Add("Eggplant:CircuitBreakDuration must be positive.");
        }
        if (options.MaxResponseBytes < 1024)
        {
            errors.Add("Eggplant:MaxResponseBytes must be at least 1024.");
        }
        if (options.MaxLogChars < 80)
        {
            errors.Add("Eggplant:MaxLogChars must be at least 80.");
        }
        if (options.MaxFieldChars < 16)
        {
            errors.Add("Eggplant:MaxFieldChars must be at least 16.");
        }
        if (options.MaxAgents < 1)
        {
            errors.Add("Eggplant:MaxAgents must be at least 1.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>
    /// Which of the credentials are missing, and why they may be: the usual cause is a secret given where this run does
    /// not look, such as user-secrets, which ASP.NET Core reads in the Development environment only.
    /// </summary>
    private string? Missing(params (string Name, bool IsMissing)[] credentials)
    {
        var missing = credentials.Where(c => c.IsMissing).Select(c => c.Name).ToList();
        if (missing.Count == 0)
        {
            return null;
        }
        return $"missing: {string.Join(", ", missing.Select(name => $"Eggplant:{name}"))}. User-secrets (dotnet user-secrets) "
            + $"are read only in the Development environment, as with dotnet run from the source; this runs as {environment.EnvironmentName}. "
            + $"Elsewhere give them as environment variables ({string.Join(", ", missing.Select(name => $"Eggplant__{name}"))}) "
            + "or in an appsettings.Production.json mounted beside SutWeb.dll.";
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.UserInfo);
}
