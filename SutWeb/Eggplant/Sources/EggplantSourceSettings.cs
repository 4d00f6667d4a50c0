namespace SutWeb.Eggplant.Sources;

/// <summary>
/// One entry of <c>Eggplant:Sources:{id}</c> as configured. A value left unset here is taken from the flat
/// <c>Eggplant:*</c> setting, except the server, its credentials and its name, which belong to one server alone.
/// </summary>
public sealed class EggplantSourceSettings
{
    public string? BaseUrl { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string? TokenUrl { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>What screens call the source; defaults to its id.</summary>
    public string? DisplayName { get; set; }

    public TimeSpan? PollInterval { get; set; }

    public TimeSpan? IdlePollInterval { get; set; }

    public TimeSpan? RequestTimeout { get; set; }

    public int? RetryCount { get; set; }

    public TimeSpan? RetryBaseDelay { get; set; }

    public int? CircuitBreakerFailures { get; set; }

    public TimeSpan? CircuitBreakDuration { get; set; }

    public long? MaxResponseBytes { get; set; }

    public int? MaxLogChars { get; set; }

    public int? MaxFieldChars { get; set; }

    public int? MaxAgents { get; set; }
}
