using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using SutWeb.Shared.Views;

namespace SutWeb.Hubs;

/// <summary>
/// Serialises the board's agents once per version (the list is replaced exactly when the version changes), with
/// the hub's own JSON options, so that a thousand clients resynchronising after one diff cost one serialisation.
/// Version, time and health are small and change between versions: they are written per call.
/// </summary>
public sealed class SnapshotJsonCache(IOptions<JsonHubProtocolOptions> protocol)
{
    private readonly Lock _gate = new();
    private IReadOnlyList<AgentView>? _agents;
    private byte[] _agentsJson = [];
    private long _serializations;

    /// <summary>How often the agents were serialised so far.</summary>
    public long Serializations => Interlocked.Read(ref _serializations);

    public SerializedSnapshot Get(StatusSnapshot snapshot)
    {
        // Callers at a new version wait for the one serialisation rather than each doing it.
        lock (_gate)
        {
            if (!ReferenceEquals(_agents, snapshot.Agents))
            {
                _agentsJson = JsonSerializer.SerializeToUtf8Bytes(snapshot.Agents, protocol.Value.PayloadSerializerOptions);
                _agents = snapshot.Agents;
                Interlocked.Increment(ref _serializations);
            }
            return new SerializedSnapshot(snapshot, _agentsJson);
        }
    }
}
