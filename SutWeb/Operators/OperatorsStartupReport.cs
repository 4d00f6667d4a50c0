using Microsoft.Extensions.Options;
using SutWeb.Operators.Audit;

namespace SutWeb.Operators;

/// <summary>
/// Says once at start which operator keys are configured (by name) and, when anyone can act at all (a key or a
/// sign-in is configured), that the audit trail is kept in memory only if it is.
/// </summary>
public sealed partial class OperatorsStartupReport(
    IOptions<OperatorKeyOptions> keys,
    IOptions<OperatorAuthenticationOptions> schemes,
    IAuditTrail audit,
    ILogger<OperatorsStartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var names = keys.Value.OperatorKeys.Keys.Order(StringComparer.Ordinal).ToList();
        if (names.Count > 0)
        {
            LogKeys(logger, names.Count, string.Join(", ", names));
        }
        if (!audit.Durable && (names.Count > 0 || schemes.Value.Schemes.Count > 1))
        {
            LogMemoryOnly(logger, MemoryAuditTrail.Capacity);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} operator keys may abort runs: {Names}")]
    private static partial void LogKeys(ILogger logger, int count, string names);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History:Provider is None: the operators' audit trail is kept in memory only (the latest {Capacity} attempts) and is lost on restart")]
    private static partial void LogMemoryOnly(ILogger logger, int capacity);
}
