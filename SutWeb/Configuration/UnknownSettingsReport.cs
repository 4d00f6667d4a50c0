using System.Collections;
using System.Reflection;
using SutWeb.Components;
using SutWeb.Eggplant;
using SutWeb.History;
using SutWeb.Hubs;
using SutWeb.Identity;
using SutWeb.Notifications;
using SutWeb.Operators;
using SutWeb.ScaleOut;
using SutWeb.Security;
using SutWeb.Simulator;

namespace SutWeb.Configuration;

/// <summary>
/// Names, once at start, every key under SutWeb's own configuration sections that no options class binds, with the
/// nearest known one: the binder ignores a mistyped <c>Eggplant__PolInterval</c> silently, and a mistyped
/// <c>Eggplant__BaseUrl</c> would fall back to the simulator's made-up data. A new options class belongs in
/// <see cref="OptionsBySection"/>.
/// </summary>
public sealed partial class UnknownSettingsReport(IConfiguration configuration, ILogger<UnknownSettingsReport> logger)
{
    /// <summary>Every options class bound from configuration, by its section; a section may have several.</summary>
    private static readonly (string Section, Type Options)[] OptionsBySection =
    [
        (EggplantOptions.Section, typeof(EggplantOptions)),
        (SimulatorOptions.SectionName, typeof(SimulatorOptions)),
        (SecurityOptions.Section, typeof(SecurityOptions)),
        (SecurityOptions.Section, typeof(OidcSection)),
        (HubFanoutOptions.Section, typeof(HubFanoutOptions)),
        (HubLimitsOptions.Section, typeof(HubLimitsOptions)),
        (DashboardOptions.Section, typeof(DashboardOptions)),
        (HistoryOptions.Section, typeof(HistoryOptions)),
        (NotificationOptions.Section, typeof(NotificationOptions)),
        (OperatorKeyOptions.Section, typeof(OperatorKeyOptions)),
        (ScaleOutOptions.Section, typeof(ScaleOutOptions)),
    ];

    /// <summary>Logs one warning per unknown key.</summary>
    public void Report()
    {
        foreach (var unknown in Find(configuration))
        {
            if (unknown.Suggestion is { } suggestion)
            {
                LogUnknownNear(logger, unknown.Key, suggestion);
            }
            else
            {
                LogUnknown(logger, unknown.Key, unknown.Section, string.Join(", ", unknown.Known));
            }
        }
    }

    /// <summary>The keys under SutWeb's sections that no options class binds, in configuration order.</summary>
    public static IReadOnlyList<UnknownSetting> Find(IConfiguration configuration)
    {
        var found = new List<UnknownSetting>();
        var sections = OptionsBySection.GroupBy(o => o.Section, StringComparer.OrdinalIgnoreCase).ToList();
        var names = sections.Select(s => s.Key).ToList();
        foreach (var root in configuration.GetChildren())
        {
            // A mistyped section (Egglpant__BaseUrl) hides every key under it; other sections belong to others.
            if (!names.Contains(root.Key, StringComparer.OrdinalIgnoreCase) && root.GetChildren().Any()
                && names.FirstOrDefault(name => name.Length >= 6 && Distance(root.Key.ToUpperInvariant(), name.ToUpperInvariant()) <= 2) is { } meant)
            {
                found.Add(new UnknownSetting(root.Path, "", meant, names));
            }
        }
        foreach (var section in sections)
        {
            Walk(configuration.GetSection(section.Key), [.. section.Select(o => o.Options)], found);
        }
        return found;
    }

    /// <summary>
    /// The candidate closest to <paramref name="name"/> (case ignored, as configuration does), if close enough to be
    /// a likely slip: at most 60 % of the longer name's letters differ, so <c>Url</c> finds <c>BaseUrl</c> but
    /// <c>Colour</c> finds nothing.
    /// </summary>
    public static string? Nearest(string name, IEnumerable<string> candidates)
    {
        string? nearest = null;
        var best = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < best && distance <= 0.6 * Math.Max(name.Length, candidate.Length))
            {
                (nearest, best) = (candidate, distance);
            }
        }
        return nearest;
    }

    /// <summary>Edits (insert, delete, replace, swap two neighbours) that turn one into the other: optimal string alignment.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    private static void Walk(IConfigurationSection section, IReadOnlyList<Type> types, List<UnknownSetting> found)
    {
        var properties = types.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)).Where(IsBound).ToList();
        foreach (var child in section.GetChildren())
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                var known = properties.Select(p => p.Name).ToList();
                found.Add(new UnknownSetting(child.Path, section.Path, Nearest(child.Key, known) is { } near ? $"{section.Path}:{near}" : null, known));
            }
            else if (IsNested(property.PropertyType))
            {
                Walk(child, [property.PropertyType], found);
            }
            else if (EntryType(property.PropertyType) is { } entry)
            {
                // A map of settings (Eggplant:Sources:{id}): each entry's keys are checked as the entry's type.
                foreach (var item in child.GetChildren())
                {
                    Walk(item, [entry], found);
                }
            }
            // A leaf's or a list's children (Security:AllowedOrigins:0) are its value: the binder reads them all.
        }
    }

    /// <summary>What the binder fills: a property with a public setter, or a collection or object it can fill in place.</summary>
    private static bool IsBound(PropertyInfo property) =>
        property.GetIndexParameters().Length == 0
        && (property.SetMethod is { IsPublic: true } || (property.GetMethod is { IsPublic: true } && IsCollectionOrNested(property.PropertyType)));

    private static bool IsCollectionOrNested(Type type) => type != typeof(string) && !type.IsValueType;

    private static bool IsNested(Type type) => IsCollectionOrNested(type) && !typeof(IEnumerable).IsAssignableFrom(type);

    /// <summary>The value type of a string-keyed dictionary of settings objects, else null.</summary>
    private static Type? EntryType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>)
        && type.GetGenericArguments() is [var key, var value] && key == typeof(string) && IsNested(value)
            ? value
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown setting {Key} (did you mean {Suggestion}?): SutWeb ignores it")]
    private static partial void LogUnknownNear(ILogger logger, string key, string suggestion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown setting {Key}: SutWeb ignores it; the {Section} settings are {Known}")]
    private static partial void LogUnknown(ILogger logger, string key, string section, string known);
}
