using System.Globalization;
using System.Text.RegularExpressions;

namespace SutWeb.Bench.Scenarios;

/// <summary><c>sutweb_notifications_sent_total</c> of one channel as the host's <c>/metrics</c> exports it, by event.</summary>
public static partial class SentMetric
{
    public static async Task<Dictionary<string, long>> ReadAsync(HttpClient http, string channel)
    {
        var text = await http.GetStringAsync("metrics");
        var sent = new Dictionary<string, long>();
        foreach (Match line in Line().Matches(text))
        {
            var labels = line.Groups["labels"].Value;
            if (!labels.Contains($"channel=\"{channel}\"", StringComparison.Ordinal))
            {
                continue;
            }
            var notificationEvent = Event().Match(labels).Groups["event"].Value;
            sent[notificationEvent] = sent.GetValueOrDefault(notificationEvent) + (long)double.Parse(line.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        return sent;
    }

    /// <summary>What was sent between two readings, by event (events with none left out).</summary>
    public static Dictionary<string, long> Since(Dictionary<string, long> before, Dictionary<string, long> after) =>
        after.Select(e => (e.Key, Count: e.Value - before.GetValueOrDefault(e.Key))).Where(e => e.Count > 0).ToDictionary(e => e.Key, e => e.Count);

    [GeneratedRegex(@"^sutweb_notifications_sent_total\{(?<labels>[^}]*)\} (?<value>[0-9.eE+]+)", RegexOptions.Multiline)]
    private static partial Regex Line();

    [GeneratedRegex(@"event=""(?<event>[^""]*)""")]
    private static partial Regex Event();
}
