using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SutWeb.Tests.TestSupport;

/// <summary>
/// Keeps every log line the host writes (all levels), with its scopes' fields after it (<c>scope: Source=lab-a</c>), so
/// tests can read them and scan them for secrets.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Lines => [.. _lines];

    public string AllText => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines, () => _scopes);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines, Func<IExternalScopeProvider> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => scopes().Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            var scoped = new List<string>();
            scopes().ForEachScope((scope, fields) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    fields.AddRange(pairs.Where(p => p.Key != "{OriginalFormat}").Select(p => $"{p.Key}={p.Value}"));
                }
            }, scoped);
            var scopeText = scoped.Count == 0 ? "" : $" scope: {string.Join(' ', scoped)}";
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {structured} {exception}{scopeText}");
        }
    }
}
