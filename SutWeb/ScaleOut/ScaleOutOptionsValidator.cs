using Microsoft.Extensions.Options;
using SutWeb.History;

namespace SutWeb.ScaleOut;

/// <summary>
/// Checks <c>ScaleOut</c> against what several replicas must share: a readable Redis connection string (never
/// echoed: it may hold a password) and history on PostgreSQL (or none). Reads <c>History:Provider</c> from the raw
/// configuration, as the history services do. What is allowed but lost on failover: <see cref="ScaleOutStartupWarnings"/>.
/// </summary>
public sealed class ScaleOutOptionsValidator(IConfiguration configuration) : IValidateOptions<ScaleOutOptions>
{
    public ValidateOptionsResult Validate(string? name, ScaleOutOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var errors = new List<string>();
        if (!Readable(options.Redis!))
        {
            errors.Add("ScaleOut:Redis is not a StackExchange.Redis connection string with at least one host:port "
                + "(e.g. redis:6379,password=...,ssl=true).");
        }
        if (string.IsNullOrWhiteSpace(options.KeyPrefix))
        {
            errors.Add("ScaleOut:KeyPrefix must not be empty (it keeps this deployment's Redis keys apart, e.g. sutweb).");
        }
        var history = configuration.GetSection(HistoryOptions.Section).GetValue<HistoryProvider?>(nameof(HistoryOptions.Provider)) ?? HistoryProvider.Sqlite;
        if (history == HistoryProvider.Sqlite)
        {
            errors.Add("ScaleOut:Redis is set, so History:Provider must be Postgres (or None): a SQLite file belongs to one "
                + "replica, and the replica that takes over after a failover must record into the same history and send "
                + "the notifications the last leader left pending.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool Readable(string connectionString)
    {
        try
        {
            return StackExchange.Redis.ConfigurationOptions.Parse(connectionString).EndPoints.Count > 0;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException or InvalidOperationException)
        {
            return false;
        }
    }
}
