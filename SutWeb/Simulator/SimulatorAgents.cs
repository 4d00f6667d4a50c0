using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace SutWeb.Simulator;

/// <summary>
/// The agent connections the simulator reports, keyed by <c>agent_name</c>, and the random activity
/// that moves them through their runs. One lock guards everything; the serialized status array is
/// cached per version so that many readers of 5,000 agents cost one serialization per change.
/// </summary>
internal sealed class SimulatorAgents
{
    private const int FirstPort = 5400;

    // Quotes and '+' as they are ("+01", \"BBCSport\"), as Eggplant writes them, rather than \u0022.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock _lock = new();
    private readonly OrderedDictionary<string, JsonObject> _agents = new(StringComparer.Ordinal);
    // Agents put through the control API are served exactly as given: the activity leaves them alone.
    private readonly HashSet<string> _pinned = new(StringComparer.Ordinal);
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly string _numberFormat;
    private Random _random = new(0);
    private int _connections;
    private int _nextProcessId;
    private int _nextRunId;
    private bool _activityRunning;
    private long _version;
    private long _serializedVersion = -1;
    private byte[] _serialized = [];

    /// <param name="seed">Of this store's activity; <see cref="SimulatorOptions.Seed"/> unless given (an instance has its own).</param>
    public SimulatorAgents(IOptions<SimulatorOptions> options, TimeProvider time, int? seed = null)
    {
        _options = options.Value;
        _time = time;
        Seed = seed ?? _options.Seed;
        // agent-01 for a handful, agent-0001 for thousands: names sort in connection order.
        _numberFormat = "D" + Math.Max(2, _options.AgentCount.ToString(CultureInfo.InvariantCulture).Length);
        Reset();
    }

    public int MaxAgents => _options.MaxAgents;

    public int Seed { get; }

    /// <summary>Under the lock, so that once this returns to stop the activity no tick changes anything.</summary>
    public void SetActivityRunning(bool running)
    {
        lock (_lock)
        {
            _activityRunning = running;
        }
    }

    /// <summary>Back to the configured start state: the same seed gives the same agents.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _agents.Clear();
            _pinned.Clear();
            _random = new Random(Seed);
            _connections = 0;
            _nextProcessId = 20_000 + _random.Next(10_000);
            _nextRunId = 1;
            _activityRunning = true;
            var now = _time.GetLocalNow();
            for (var i = 0; i < _options.AgentCount; i++)
            {
                // About half running, a tenth finished, the rest idle.
                var agent = Connect();
                var roll = _random.NextDouble();
                if (roll < 0.6)
                {
                    // Runs already under way started some minutes ago and have written a little.
                    StartRun(agent, now - TimeSpan.FromTicks(_random.NextInt64(TimeSpan.TicksPerHour / 2)));
                    for (var lines = _random.Next(6); lines > 0; lines--)
                    {
                        AgentJson.AppendLog(agent, SimulatedCatalog.LogLine(_random));
                    }
                }
                if (roll is >= 0.5 and < 0.6)
                {
                    Finish(agent, SimulatedCatalog.FinalStatus(_random));
                }
            }
            _version++;
        }
    }

    /// <summary>The status array in the wire format. The caller must not change the array.</summary>
    public byte[] ToJsonArray()
    {
        lock (_lock)
        {
            if (_serializedVersion != _version)
            {
                var buffer = new ArrayBufferWriter<byte>(256 * (_agents.Count + 1));
                using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
                {
                    writer.WriteStartArray();
                    foreach (var agent in _agents.Values)
                    {
                        agent.WriteTo(writer);
                    }
                    writer.WriteEndArray();
                }
                _serialized = buffer.WrittenSpan.ToArray();
                _serializedVersion = _version;
            }
            return _serialized;
        }
    }

    /// <summary>
    /// Creates or replaces an agent with exactly the given object, which the store now owns; false, and nothing
    /// changed, when it would be one agent more than <see cref="SimulatorOptions.MaxAgents"/>.
    /// </summary>
    public bool TryPut(string agentName, JsonObject agent)
    {
        lock (_lock)
        {
            if (_agents.Count >= _options.MaxAgents && !_agents.ContainsKey(agentName))
            {
                return false;
            }
            _agents[agentName] = agent;
            _pinned.Add(agentName);
            _version++;
            return true;
        }
    }

    public bool Remove(string agentName)
    {
        lock (_lock)
        {
            _pinned.Remove(agentName);
            if (!_agents.Remove(agentName))
            {
                return false;
            }
            _version++;
            return true;
        }
    }

    /// <summary>Ends the run of the agent with that process id as Incomplete; false when no agent has it.</summary>
    public bool Abort(long processId)
    {
        lock (_lock)
        {
            foreach (var agent in _agents.Values)
            {
                if (!AgentJson.HasProcessId(agent, processId))
                {
                    continue;
                }
                if (AgentJson.PhaseOf(agent) == SimulatedPhase.Running)
                {
                    Finish(agent, "Incomplete", "Execution aborted through the API");
                    _version++;
                }
                return true;
            }
            return false;
        }
    }

    /// <summary>
    /// One activity tick: up to one event per eight agents (at least one), so a handful of agents
    /// changes at a human pace and thousands still move.
    /// </summary>
    public void Step()
    {
        lock (_lock)
        {
            if (!_activityRunning)
            {
                return;
            }
            var events = _random.Next(Math.Max(1, _agents.Count / 8) + 1);
            for (var i = 0; i < events; i++)
            {
                ApplyRandomEvent();
            }
            if (events > 0)
            {
                _version++;
            }
        }
    }

    private void ApplyRandomEvent()
    {
        if (_agents.Count - _pinned.Count < _options.AgentCount && _agents.Count < _options.MaxAgents && _random.NextDouble() < 0.1)
        {
            Connect();
            return;
        }
        if (_agents.Count == 0)
        {
            return;
        }
        var (name, agent) = _agents.GetAt(_random.Next(_agents.Count));
        if (_pinned.Contains(name))
        {
            return;
        }
        var roll = _random.NextDouble();
        switch (AgentJson.PhaseOf(agent))
        {
            case SimulatedPhase.Idle when roll < 0.03:
                _agents.Remove(name); // the agent disconnects; a new one connects later
                break;
            case SimulatedPhase.Idle when roll < 0.5:
                StartRun(agent, _time.GetLocalNow());
                break;
            case SimulatedPhase.Running when roll < 0.25:
                Finish(agent, SimulatedCatalog.FinalStatus(_random));
                break;
            case SimulatedPhase.Running:
                AgentJson.AppendLog(agent, SimulatedCatalog.LogLine(_random));
                break;
            case SimulatedPhase.Finished when roll < 0.4:
                AgentJson.GoIdle(agent);
                break;
        }
    }

    private JsonObject Connect()
    {
        string name;
        do
        {
            _connections++;
            name = "agent-" + _connections.ToString(_numberFormat, CultureInfo.InvariantCulture);
        }
        while (_agents.ContainsKey(name)); // a name taken through the control API is skipped
        var agent = AgentJson.Idle(name, FirstPort + _connections - 1);
        _agents.Add(name, agent);
        return agent;
    }

    private void StartRun(JsonObject agent, DateTimeOffset startTime)
    {
        AgentJson.StartRun(agent, SimulatedCatalog.NewRun(_random, _nextProcessId, PostgresTimestamp.Format(startTime)));
        _nextProcessId += 1 + _random.Next(50);
    }

    private void Finish(JsonObject agent, string status, string? logLine = null) =>
        AgentJson.EndRun(agent, status, PostgresTimestamp.Format(_time.GetLocalNow()), _nextRunId++,
            logLine ?? $"Execution finished: {status}");
}
