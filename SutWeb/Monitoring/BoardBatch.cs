using SutWeb.Shared.Views;

namespace SutWeb.Monitoring;

/// <summary>
/// What a subscriber shows after one batch of board updates: the snapshot with all of them applied, and the keys of
/// the agents upserted or removed; null keys mean "everything" (a resynchronisation after a gap).
/// </summary>
public sealed record BoardBatch(StatusSnapshot Snapshot, IReadOnlySet<string>? ChangedKeys);
