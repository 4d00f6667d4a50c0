using Microsoft.Extensions.Options;
using SutWeb.Eggplant.Sources;

namespace SutWeb.Eggplant;

/// <summary>
/// Checks the Eggplant settings at start-up, the flat ones and every <c>Eggplant:Sources:{id}</c>, with messages that
/// name the setting to fix and never its value (a source's secrets stay out of every message).
/// </summary>
public sealed class EggplantOptionsValidator(IHostEnvironment environment) : IValidateOptions<EggplantOptions>
{
    private const string Flat = EggplantOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, EggplantOptions options)
    {
        var errors = new List<string>();
        if (!options.UsesSimulator && !IsHttpUrl(options.BaseUrl))
        {
            errors.Add("Eggplant:BaseUrl must be an absolute http or https URL without user name or password in it.");
        }
        if (options.UsesClientCredentials)
        {
            CheckClientCredentials(options, Flat, errors);
        }
        else if (!options.UsesSimulator
            && Missing(Flat,
                (nameof(options.Username), string.IsNullOrWhiteSpace(options.Username)),
                (nameof(options.Password), string.IsNullOrEmpty(options.Password))) is { } missing)
        {
            errors.Add("Eggplant:Username and Eggplant:Password are required with Eggplant:BaseUrl (or set Eggplant:TokenUrl, "
                + $"Eggplant:ClientId and Eggplant:ClientSecret); {missing}");
        }
        CheckTuning(options, Flat, errors);
        foreach (var (id, settings) in options.Sources)
        {
            CheckSource(options, id, settings, errors);
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private void CheckSource(EggplantOptions flat, string id, EggplantSourceSettings settings, List<string> errors)
    {
        var prefix = $"{Flat}Sources:{id}:";
        if (!EggplantSources.IsValidId(id))
        {
            errors.Add($"Eggplant:Sources:{id} is not a valid source id: use 1 to 32 lower-case letters, digits and dashes, "
                + "starting with a letter or digit (e.g. Eggplant:Sources:lab-a).");
            return;
        }
        if (id == EggplantSource.DefaultId && !flat.UsesSimulator)
        {
            errors.Add("Eggplant:Sources:default duplicates the source default, which Eggplant:BaseUrl already describes: "
                + "configure it in one place, or give the other source another id.");
            return;
        }
        var options = EggplantSources.Resolve(flat).Single(s => s.Id == id).Options;
        if (string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            errors.Add($"{prefix}BaseUrl is required: every source under Eggplant:Sources names its Eggplant server.");
        }
        else if (!IsHttpUrl(options.BaseUrl))
        {
            errors.Add($"{prefix}BaseUrl must be an absolute http or https URL without user name or password in it.");
        }
        // A source signs in one way: a half-set mode is a mistake, not a fallback to the other.
        var client = new[] { options.TokenUrl, options.ClientId, options.ClientSecret }.Any(v => !string.IsNullOrWhiteSpace(v));
        var password = !string.IsNullOrWhiteSpace(options.Username) || !string.IsNullOrEmpty(options.Password);
        if (client)
        {
            CheckClientCredentials(options, prefix, errors);
        }
        if (password && Missing(prefix,
                (nameof(options.Username), string.IsNullOrWhiteSpace(options.Username)),
                (nameof(options.Password), string.IsNullOrEmpty(options.Password))) is { } missing)
        {
            errors.Add($"{prefix}Username and {prefix}Password go together; {missing}");
        }
        if (!client && !password)
        {
            errors.Add($"{prefix}Username and {prefix}Password (or {prefix}TokenUrl, {prefix}ClientId and {prefix}ClientSecret) "
                + "are required: a source's credentials are its own, never taken from another source.");
        }
        CheckTuning(options, prefix, errors);
    }

    private void CheckClientCredentials(EggplantOptions options, string prefix, List<string> errors)
    {
        if (!IsHttpUrl(options.TokenUrl))
        {
            errors.Add($"{prefix}TokenUrl must be an absolute http or https URL.");
        }
        if (Missing(prefix,
                (nameof(options.ClientId), string.IsNullOrWhiteSpace(options.ClientId)),
                (nameof(options.ClientSecret), string.IsNullOrWhiteSpace(options.ClientSecret))) is { } missing)
        {
            errors.Add($"{prefix}ClientId and {prefix}ClientSecret are required with {prefix}TokenUrl; {missing}");
        }
    }

    /// <summary>The settings a source may inherit; <paramref name="prefix"/> says where the value in force is set.</summary>
    private static void CheckTuning(EggplantOptions options, string prefix, List<string> errors)
    {
        if (options.PollInterval < TimeSpan.FromMilliseconds(250))
        {
            errors.Add($"{prefix}PollInterval must be at least 00:00:00.250 (is {options.PollInterval}).");
        }
        if (options.IdlePollInterval < options.PollInterval)
        {
            errors.Add($"{prefix}IdlePollInterval must not be shorter than {prefix}PollInterval (is {options.IdlePollInterval}, "
                + $"{prefix}PollInterval is {options.PollInterval}).");
        }
        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{prefix}RequestTimeout must be positive.");
        }
        if (options.RetryCount is < 0 or > 10)
        {
            errors.Add($"{prefix}RetryCount must be between 0 and 10.");
        }
        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            errors.Add($"{prefix}RetryBaseDelay must not be negative.");
        }
        if (options.CircuitBreakerFailures < 1)
        {
            errors.Add($"{prefix}CircuitBreakerFailures must be at least 1.");
        }
        if (options.CircuitBreakDuration is { } breakDuration && breakDuration <= TimeSpan.Zero)
        {
            errors.Add($"{prefix}CircuitBreakDuration must be positive.");
        }
        if (options.MaxResponseBytes < 1024)
        {
            errors.Add($"{prefix}MaxResponseBytes must be at least 1024.");
        }
        if (options.MaxLogChars < 80)
        {
            errors.Add($"{prefix}MaxLogChars must be at least 80.");
        }
        if (options.MaxFieldChars < 16)
        {
            errors.Add($"{prefix}MaxFieldChars must be at least 16.");
        }
        if (options.MaxAgents < 1)
        {
            errors.Add($"{prefix}MaxAgents must be at least 1.");
        }
    }

    /// <summary>
    /// Which of the credentials are missing, and why they may be: the usual cause is a secret given where this run does
    /// not look, such as user-secrets, which ASP.NET Core reads in the Development environment only.
    /// </summary>
    private string? Missing(string prefix, params (string Name, bool IsMissing)[] credentials)
    {
        var missing = credentials.Where(c => c.IsMissing).Select(c => c.Name).ToList();
        if (missing.Count == 0)
        {
            return null;
        }
        var environmentPrefix = prefix.Replace(":", "__", StringComparison.Ordinal);
        return $"missing: {string.Join(", ", missing.Select(name => $"{prefix}{name}"))}. User-secrets (dotnet user-secrets) "
            + $"are read only in the Development environment, as with dotnet run from the source; this runs as {environment.EnvironmentName}. "
            + $"Elsewhere give them as environment variables ({string.Join(", ", missing.Select(name => $"{environmentPrefix}{name}"))}) "
            + "or in an appsettings.Production.json mounted beside SutWeb.dll.";
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.UserInfo);
}
