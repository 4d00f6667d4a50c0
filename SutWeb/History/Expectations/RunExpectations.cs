using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SutWeb.History.Expectations;

/// <summary>
/// What history makes possible on the live board: each model's usual duration on a source and each agent's track
/// record, as read-only snapshots that a render reads without waiting (a dictionary look-up). They are computed in the
/// background by <see cref="RunExpectationsLoader"/>, from the database and then from the board; an answer not loaded
/// yet is null, and the screens show what they show without history. Not registered with <c>History:Provider=None</c>.
/// </summary>
public sealed class RunExpectations
{
    /// <summary>The usual duration is the median of at most this many of a model's last finished runs on a source.</summary>
    public const int SampleSize = 20;

    /// <summary>Fewer finished runs than this make no expectation: one or two runs say little of what is usual.</summary>
    public const int MinimumRuns = 3;

    /// <summary>The outcomes kept per agent (the desk's strip).</summary>
    public const int OutcomeCount = 10;

    /// <summary>Agents and models kept each; past it, the least recently used are forgotten (and read again when needed).</summary>
    public const int DefaultCapacity = 20_000;

    private readonly ConcurrentDictionary<HistoryKey, RunExpectation> _models = new();
    private readonly ConcurrentDictionary<HistoryKey, AgentTrackRecord> _agents = new();

    // A render never waits: a request that does not fit is dropped, and made again by the next render that needs it.
    private readonly Channel<HistoryKey> _requests = Channel.CreateBounded<HistoryKey>(new BoundedChannelOptions(1024)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public RunExpectations(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>An agent's track record changed (loaded, or a run of it finished); raised on the loader's task.</summary>
    public event Action<HistoryKey>? AgentChanged;

    /// <summary>The usual duration of <paramref name="model"/>'s runs on <paramref name="source"/>; null when unknown.</summary>
    public RunExpectation? For(string source, string? model) =>
        model is not null && _models.TryGetValue(new HistoryKey(source, model), out var expectation) ? expectation : null;

    /// <summary>The agent's track record; null until it is loaded (<see cref="Request"/>).</summary>
    public AgentTrackRecord? ForAgent(string source, string agentName) =>
        _agents.TryGetValue(new HistoryKey(source, agentName), out var record) ? record : null;

    /// <summary>Asks for an agent's track record to be loaded in the background, unless it is; <see cref="AgentChanged"/> says when.</summary>
    public void Request(string source, string agentName)
    {
        var key = new HistoryKey(source, agentName);
        if (!_agents.ContainsKey(key))
        {
            _requests.Writer.TryWrite(key);
        }
    }

    /// <summary>Agents whose record was asked for (the loader's to read).</summary>
    internal ChannelReader<HistoryKey> Requests => _requests.Reader;

    public int ModelCount => _models.Count;

    public int AgentCount => _agents.Count;

    /// <summary>Sets (or, with null, forgets) a model's expectation.</summary>
    public void Publish(HistoryKey model, RunExpectation? expectation)
    {
        if (expectation is null)
        {
            _models.TryRemove(model, out _);
        }
        else
        {
            _models[model] = expectation;
        }
    }

    /// <summary>Sets (or, with null, forgets) an agent's track record.</summary>
    public void Publish(HistoryKey agent, AgentTrackRecord? record)
    {
        if (record is null)
        {
            _agents.TryRemove(agent, out _);
            return;
        }
        _agents[agent] = record;
        AgentChanged?.Invoke(agent);
    }
}
