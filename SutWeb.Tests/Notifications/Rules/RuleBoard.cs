using Microsoft.Extensions.Time.Testing;
using SutWeb.Notifications;
using SutWeb.Notifications.Rules;
using SutWeb.Shared.Mapping;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Notifications.Rules;

/// <summary>
/// A <see cref="RuleEngine"/> on a fake clock, fed boards built here as a poller would publish them, with every message
/// it sends recorded.
/// </summary>
internal sealed class RuleBoard : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    private readonly SortedDictionary<string, AgentView> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceHealth> _sources = new(StringComparer.Ordinal);
    private long _version;

    public RuleBoard(IReadOnlyDictionary<string, RuleOptions> rules, TimeSpan? stuckAfter = null, string? publicUrl = null, params string[] sources)
    {
        Engine = new RuleEngine(rules.Select(r => new CompiledRule(r.Key, r.Value)), stuckAfter ?? TimeSpan.FromHours(2), publicUrl,
            new Dictionary<string, string> { [AgentKeys.DefaultSource] = "Main lab" }, Clock, Sent.Add);
        foreach (var source in sources.Length == 0 ? [AgentKeys.DefaultSource] : sources)
        {
            // Published with the first agents, as a first poll does: agents first, then the health that says it answered.
            SetHealth(source, UpstreamState.Healthy, publish: false);
        }
    }

    /// <summary>One rule, <c>r</c>, to the channel <c>ops</c>.</summary>
    public static RuleBoard With(RuleOptions rule, TimeSpan? stuckAfter = null, string? publicUrl = null, params string[] sources)
    {
        rule.Channels = rule.Channels.Count == 0 ? ["ops"] : rule.Channels;
        return new RuleBoard(new Dictionary<string, RuleOptions> { ["r"] = rule }, stuckAfter, publicUrl, sources);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public RuleEngine Engine { get; }

    public List<Notification> Sent { get; } = [];

    /// <summary>Agents as the first poll of their sources finds them: where SutWeb starts from, not news.</summary>
    public RuleBoard Seed(params AgentView[] agents)
    {
        foreach (var agent in agents)
        {
            _agents[agent.Key] = agent;
        }
        Publish();
        return this;
    }

    public void Put(params AgentView[] agents)
    {
        foreach (var agent in agents)
        {
            _agents[agent.Key] = agent;
        }
        Publish();
    }

    public void Remove(params AgentView[] agents)
    {
        foreach (var agent in agents)
        {
            _agents.Remove(agent.Key);
        }
        Publish();
    }

    /// <summary>A source's health; a healthy one has just been polled.</summary>
    public void SetHealth(string source, UpstreamState state, bool publish = true)
    {
        var before = _sources.GetValueOrDefault(source);
        _sources[source] = new SourceHealth
        {
            Source = source,
            SourceName = source == AgentKeys.DefaultSource ? "Main lab" : $"Lab {source}",
            State = state,
            LastSuccessAt = state == UpstreamState.Healthy ? Clock.GetUtcNow() : before?.LastSuccessAt,
        };
        if (publish)
        {
            Publish();
        }
    }

    /// <summary>Agents and health changed in one batch (a poll that ends an outage brings both).</summary>
    public void PutAndRemoveWithHealth(string source, UpstreamState state, IEnumerable<AgentView> remove)
    {
        foreach (var agent in remove)
        {
            _agents.Remove(agent.Key);
        }
        SetHealth(source, state, publish: false);
        Publish();
    }

    /// <summary>The whole board, as after a gap: every key compared.</summary>
    public void Publish() => Engine.Observe(new StatusSnapshot
    {
        Version = ++_version,
        ObservedAt = Clock.GetUtcNow(),
        Health = SourceHealths.Combine([.. _sources.Values.OrderBy(s => s.Source == AgentKeys.DefaultSource ? 0 : 1).ThenBy(s => s.Source, StringComparer.Ordinal)]),
        Agents = [.. _agents.Values],
    }, null);

    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>Moves the clock in small steps, as time passes, so that every timer fires at its time.</summary>
    public void Pass(TimeSpan by, TimeSpan? step = null)
    {
        var end = Clock.GetUtcNow() + by;
        var each = step ?? TimeSpan.FromSeconds(1);
        while (Clock.GetUtcNow() + each <= end)
        {
            Clock.Advance(each);
        }
        Clock.Advance(end - Clock.GetUtcNow());
    }

    public IReadOnlyList<Notification> Of(string notificationEvent) => [.. Sent.Where(n => n.Event == notificationEvent)];

    public void Dispose() => Engine.Dispose();
}
