using System.Text.Json.Serialization;
using SutWeb.Shared.Views;

namespace SutWeb.Hubs;

/// <summary>
/// A <see cref="StatusSnapshot"/> whose agents are already UTF-8 JSON: what <c>GetSnapshot</c> returns, written by
/// <see cref="SerializedSnapshotConverter"/> as exactly the JSON the snapshot itself would give.
/// </summary>
[JsonConverter(typeof(SerializedSnapshotConverter))]
public sealed class SerializedSnapshot(StatusSnapshot snapshot, ReadOnlyMemory<byte> agentsJson)
{
    public StatusSnapshot Snapshot { get; } = snapshot;

    /// <summary>The JSON array of <see cref="StatusSnapshot.Agents"/>, shared by every call at this version.</summary>
    public ReadOnlyMemory<byte> AgentsJson { get; } = agentsJson;
}
