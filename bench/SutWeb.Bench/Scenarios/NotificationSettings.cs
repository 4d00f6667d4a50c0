using System.Globalization;
using SutWeb.Bench.Hosting;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// A child host as issue 14's bench runs it: polling adaptive at 2 s / 15 s, history (and so the outbox) on SQLite in
/// <paramref name="folder"/>, one signed webhook channel <c>hook</c> to the driver's receiver; rules are added by the caller.
/// </summary>
public static class NotificationSettings
{
    public static readonly TimeSpan Active = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(15);

    public static Dictionary<string, string> Of(int agents, string folder, string webhookUrl)
    {
        var settings = ChildHost.Settings(agents, Active);
        settings["Eggplant:IdlePollInterval"] = Idle.ToString("c", CultureInfo.InvariantCulture);
        settings["History:Provider"] = "Sqlite";
        settings["History:DataDirectory"] = folder;
        settings["Notifications:Channels:hook:Type"] = "Webhook";
        settings["Notifications:Channels:hook:Url"] = webhookUrl;
        settings["Notifications:Channels:hook:Secret"] = "bench-signing-key";
        return settings;
    }

    public static void Rule(Dictionary<string, string> settings, string rule, string[] events, string? agent = null)
    {
        settings[$"Notifications:Rules:{rule}:Channels:0"] = "hook";
        for (var i = 0; i < events.Length; i++)
        {
            settings[$"Notifications:Rules:{rule}:Events:{i}"] = events[i];
        }
        if (agent is not null)
        {
            settings[$"Notifications:Rules:{rule}:Agents:0"] = agent;
        }
    }
}
