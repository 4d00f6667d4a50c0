using System.Globalization;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Bench.Hosting;

/// <summary>
/// Several scripted Eggplant servers in this process, one per source <c>s0</c>, <c>s1</c>, … of a host configured with
/// <c>Eggplant:Sources</c> only (no default source, no simulator agents), so that the bench says what each answers.
/// </summary>
public sealed class SourceServers : IAsyncDisposable
{
    private SourceServers(List<ScriptedEggplantServer> servers) => Servers = servers;

    public IReadOnlyList<ScriptedEggplantServer> Servers { get; }

    public long StatusRequests => Servers.Sum(s => (long)s.StatusRequests);

    public static string Id(int source) => "s" + source.ToString(CultureInfo.InvariantCulture);

    /// <summary>The key of an agent of source <paramref name="source"/> on the board (docs/API.md).</summary>
    public static string Key(int source, string agentName, int port) => $"{Id(source)}/{agentName}:{port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<SourceServers> StartAsync(int count) =>
        new([.. await Task.WhenAll(Enumerable.Range(0, count).Select(_ => ScriptedEggplantServer.StartAsync()))]);

    /// <summary>Host settings polling every server as its own source, each with its own credentials.</summary>
    public Dictionary<string, string> HostSettings(TimeSpan pollInterval, TimeSpan idlePollInterval)
    {
        var settings = new Dictionary<string, string>
        {
            ["Simulator:AgentCount"] = "0",
            ["Eggplant:PollInterval"] = pollInterval.ToString("c", CultureInfo.InvariantCulture),
            ["Eggplant:IdlePollInterval"] = idlePollInterval.ToString("c", CultureInfo.InvariantCulture),
            ["Eggplant:RequestTimeout"] = "00:00:10",
        };
        for (var i = 0; i < Servers.Count; i++)
        {
            var prefix = $"Eggplant:Sources:{Id(i)}:";
            settings[prefix + "BaseUrl"] = Servers[i].BaseUrl;
            settings[prefix + "Username"] = "bench-" + Id(i);
            settings[prefix + "Password"] = "bench-secret-" + Id(i);
        }
        return settings;
    }

    public async ValueTask DisposeAsync() => await Task.WhenAll(Servers.Select(s => s.DisposeAsync().AsTask()));
}
