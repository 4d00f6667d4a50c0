using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SutWeb.Configuration;

/// <summary>
/// A bad setting stops SutWeb with its message alone on standard error ("SutWeb cannot start: …") and exit code
/// <see cref="ExitCode"/>, rather than an unhandled exception: that aborts the process (exit 134) and buries the one
/// useful line in stack traces. Only configuration errors are caught; anything else still fails loudly.
/// </summary>
public static partial class StartupErrors
{
    /// <summary>A plain failure code, so that a supervisor (compose's <c>on-failure</c>) sees a failed start, not a crash.</summary>
    public const int ExitCode = 2;

    public static int Run(string[] args, Func<string[], WebApplication> build, TextWriter? error = null)
    {
        WebApplication? app = null;
        try
        {
            app = build(args);
            // Checked before the host starts, so that a bad setting is not also logged as "Hosting failed to start"
            // with its stack trace; Run checks again, at no cost once the options exist.
            app.Services.GetService<IStartupValidator>()?.Validate();
            app.Run();
            return 0;
        }
        catch (Exception e) when (Describe(e) is { Count: > 0 } messages)
        {
            (app as IDisposable)?.Dispose();
            error ??= Console.Error;
            foreach (var message in messages)
            {
                error.WriteLine($"SutWeb cannot start: {message}");
            }
            return ExitCode;
        }
    }

    /// <summary>The messages of a configuration error, each naming its setting; empty for any other exception.</summary>
    public static IReadOnlyList<string> Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException many when many.Flatten().InnerExceptions is var inner && inner.All(e => Describe(e).Count > 0) =>
            [.. inner.SelectMany(Describe)],
        InvalidOperationException bad when BindingFailure().Match(bad.Message) is { Success: true } match =>
            [Unconvertible(match.Groups["path"].Value, match.Groups["value"].Value, match.Groups["type"].Value)],
        _ => [],
    };

    /// <summary>The binder's "Failed to convert configuration value …" rewritten to name the setting and the form it takes.</summary>
    internal static string Unconvertible(string path, string value, string type)
    {
        var shown = value.Length > 64 ? value[..64] + "…" : value;
        var expected = type switch
        {
            "System.TimeSpan" or "System.Nullable`1[System.TimeSpan]" =>
                "a time span: write it as hh:mm:ss, e.g. 00:00:02 (hh:mm:ss.fff for fractions, d.hh:mm:ss for days)",
            "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" or "System.Nullable`1[System.Int64]" =>
                "a whole number, e.g. 3",
            "System.Double" or "System.Decimal" => "a number, e.g. 1.5",
            "System.Boolean" or "System.Nullable`1[System.Boolean]" => "true or false",
            _ => $"a value of type {type}",
        };
        return $"{path} is '{shown}', which is not {expected}.";
    }

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<path>[^']*)' to type '(?<type>[^']*)'\.$", RegexOptions.Singleline)]
    private static partial Regex BindingFailure();
}
