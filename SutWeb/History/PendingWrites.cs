namespace SutWeb.History;

/// <summary>
/// The writes that wait for the database, in order, at most <c>History:MaxPendingWrites</c> of them. A run waiting
/// to be written is replaced by its newer state instead of queued twice, and a source's reconciliation likewise, so
/// a long outage costs memory per run and event, not per poll. Past the bound a write is dropped and counted into
/// the gap of its source, which the writer records once the database is back.
/// </summary>
public sealed class PendingWrites(int capacity)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<HistoryWrite> _queue = new();
    private readonly Dictionary<(string Source, string ExecutionId), LinkedListNode<HistoryWrite>> _runs = [];
    private readonly Dictionary<string, LinkedListNode<HistoryWrite>> _reconciles = [];
    private readonly Dictionary<string, HistoryGap> _gaps = [];
    private List<HistoryWrite> _inFlight = [];
    private readonly SemaphoreSlim _signal = new(0, 1);
    private bool _resyncRequested;

    public int Capacity { get; } = capacity;

    /// <summary>Writes waiting or being written.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count + _inFlight.Count;
            }
        }
    }

    /// <summary>Raised outside the lock for each write dropped: run or event.</summary>
    public event Action<HistoryWrite>? Dropped;

    /// <returns>False when the write was dropped for want of room.</returns>
    public bool Add(HistoryWrite write)
    {
        bool kept;
        lock (_gate)
        {
            kept = AddLocked(write);
            if (kept && _signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        if (!kept)
        {
            Dropped?.Invoke(write);
        }
        return kept;
    }

    private bool AddLocked(HistoryWrite write)
    {
        switch (write)
        {
            case RunWrite run when _runs.TryGetValue((run.Source, run.ExecutionId), out var waiting):
                waiting.Value = run;
                return true;
            case ReconcileWrite reconcile when _reconciles.TryGetValue(reconcile.Source, out var waiting):
                // The newer picture of the board replaces the older, at the older one's place (before what followed it).
                waiting.Value = reconcile;
                return true;
            case ReconcileWrite or RetireSourcesWrite:
                // Always kept: they are what repairs a gap.
                break;
            default:
                if (_queue.Count + _inFlight.Count >= Capacity)
                {
                    CountDropped(write);
                    return false;
                }
                break;
        }
        var node = _queue.AddLast(write);
        if (write is RunWrite added)
        {
            _runs[(added.Source, added.ExecutionId)] = node;
        }
        else if (write is ReconcileWrite reconcileAdded)
        {
            _reconciles[reconcileAdded.Source] = node;
        }
        return true;
    }

    private void CountDropped(HistoryWrite write)
    {
        if (!_gaps.TryGetValue(write.Source, out var gap))
        {
            gap = new HistoryGap { Source = write.Source, From = write.At, To = write.At };
            _gaps[write.Source] = gap;
        }
        gap.From = write.At < gap.From ? write.At : gap.From;
        gap.To = write.At > gap.To ? write.At : gap.To;
        if (write is RunWrite)
        {
            gap.DroppedRuns++;
        }
        else
        {
            gap.DroppedEvents++;
        }
    }

    /// <summary>Waits until there is something to write (returns at once if there is, a failed batch included).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_queue.Count > 0 || _inFlight.Count > 0 || _gaps.Count > 0)
            {
                return;
            }
        }
        await _signal.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The oldest writes, up to <paramref name="max"/>, in flight until <see cref="Completed"/>; until then (the batch
    /// failed) the same batch is taken again.
    /// </summary>
    public IReadOnlyList<HistoryWrite> Take(int max)
    {
        lock (_gate)
        {
            if (_inFlight.Count > 0)
            {
                return _inFlight; // A failed batch is retried whole, first.
            }
            var batch = new List<HistoryWrite>(Math.Min(max, _queue.Count));
            while (batch.Count < max && _queue.First is { } first)
            {
                _queue.RemoveFirst();
                batch.Add(first.Value);
                if (first.Value is RunWrite run && _runs.TryGetValue((run.Source, run.ExecutionId), out var node) && node == first)
                {
                    _runs.Remove((run.Source, run.ExecutionId));
                }
                else if (first.Value is ReconcileWrite reconcile && _reconciles.TryGetValue(reconcile.Source, out var pending) && pending == first)
                {
                    _reconciles.Remove(reconcile.Source);
                }
            }
            _inFlight = batch;
            return batch;
        }
    }

    /// <summary>The batch in flight is written.</summary>
    public void Completed()
    {
        lock (_gate)
        {
            _inFlight = [];
        }
    }

    /// <summary>The gaps counted so far, handed over to be written; none are counted twice.</summary>
    public IReadOnlyList<HistoryGap> TakeGaps()
    {
        lock (_gate)
        {
            var gaps = _gaps.Values.ToList();
            _gaps.Clear();
            return gaps;
        }
    }

    /// <summary>Gaps that could not be written go back, merged with any counted since.</summary>
    public void ReturnGaps(IReadOnlyList<HistoryGap> gaps)
    {
        lock (_gate)
        {
            foreach (var gap in gaps)
            {
                if (_gaps.TryGetValue(gap.Source, out var newer))
                {
                    newer.From = gap.From < newer.From ? gap.From : newer.From;
                    newer.To = gap.To > newer.To ? gap.To : newer.To;
                    newer.DroppedRuns += gap.DroppedRuns;
                    newer.DroppedEvents += gap.DroppedEvents;
                }
                else
                {
                    _gaps[gap.Source] = gap;
                }
            }
        }
    }

    /// <summary>Asks the recorder to send the whole board again (after a gap was recorded).</summary>
    public void RequestResync()
    {
        lock (_gate)
        {
            _resyncRequested = true;
        }
    }

    /// <summary>Whether a resync was asked for since the last call.</summary>
    public bool TakeResyncRequest()
    {
        lock (_gate)
        {
            var requested = _resyncRequested;
            _resyncRequested = false;
            return requested;
        }
    }
}
