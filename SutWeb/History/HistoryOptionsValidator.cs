using Microsoft.Extensions.Options;

namespace SutWeb.History;

/// <summary>Checks the history settings at start-up, with messages that name the setting to fix (never its value when it may hold a password).</summary>
public sealed class HistoryOptionsValidator : IValidateOptions<HistoryOptions>
{
    public ValidateOptionsResult Validate(string? name, HistoryOptions options)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            errors.Add($"History:Provider must be Sqlite, Postgres or None (is {options.Provider}).");
        }
        if (options.Provider == HistoryProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            errors.Add("History:Provider is Postgres, so ConnectionStrings:History must name the server (e.g. Host=db;Database=sutweb;Username=sutweb;Password=...).");
        }
        if (options.KeepRuns <= TimeSpan.Zero)
        {
            errors.Add($"History:KeepRuns must be positive (is {options.KeepRuns}).");
        }
        if (options.KeepEvents <= TimeSpan.Zero)
        {
            errors.Add($"History:KeepEvents must be positive (is {options.KeepEvents}).");
        }
        if (options.MaxPendingWrites < 1)
        {
            errors.Add($"History:MaxPendingWrites must be at least 1 (is {options.MaxPendingWrites}).");
        }
        if (options.CommandTimeout < TimeSpan.FromSeconds(1))
        {
            errors.Add($"History:CommandTimeout must be at least 1 s (is {options.CommandTimeout}).");
        }
        if (options.PruneInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"History:PruneInterval must be at least 1 s (is {options.PruneInterval}).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
