namespace SutWeb.Notifications.Rules;

/// <summary>
/// Folds a rule's messages of one event: those decided in one pass (one board batch, one timer tick) go as one
/// message at once; later ones within <see cref="RuleLimits.FoldWindow"/> of the last sent wait and go as one when it
/// ends. The first of a quiet rule is never delayed. A folded message keeps the first one's subject and id, the
/// earliest <see cref="Notification.Since"/>, and the sum of the counts.
/// </summary>
public sealed class MessageFolder(TimeSpan window)
{
    private readonly List<Notification> _pass = [];
    private readonly Dictionary<FoldKey, FoldGroup> _groups = [];

    public void Offer(Notification notification) => _pass.Add(notification);

    /// <summary>When a held message is next due; null when none is held.</summary>
    public DateTimeOffset? NextDue =>
        _groups.Values.Where(g => g.Held is not null).Select(g => g.LastSentAt!.Value + window).DefaultIfEmpty().Min() is { } due
        && due != default ? due : null;

    /// <summary>What is to be sent now: held messages whose window has passed, and this pass's, folded.</summary>
    public IReadOnlyList<Notification> Flush(DateTimeOffset now)
    {
        var ready = new List<Notification>();
        foreach (var group in _groups.Values)
        {
            if (group.Held is { } held && now >= group.LastSentAt!.Value + window)
            {
                ready.Add(held with { At = now });
                group.LastSentAt = now;
                group.Held = null;
            }
        }
        foreach (var pass in _pass.GroupBy(FoldKey.Of))
        {
            var merged = pass.Skip(1).Aggregate(pass.First(), Fold);
            if (!_groups.TryGetValue(pass.Key, out var group))
            {
                _groups[pass.Key] = group = new FoldGroup();
            }
            if (group.Held is { } held)
            {
                group.Held = Fold(held, merged);
            }
            else if (group.LastSentAt is { } last && now < last + window)
            {
                group.Held = merged;
            }
            else
            {
                ready.Add(merged);
                group.LastSentAt = now;
            }
        }
        _pass.Clear();
        foreach (var (key, group) in _groups.Where(g => g.Value.Held is null && g.Value.LastSentAt + window <= now).ToList())
        {
            _groups.Remove(key);
        }
        return ready;
    }

    private static Notification Fold(Notification first, Notification next) => first with
    {
        Count = first.Count + next.Count,
        Since = (first.Since, next.Since) switch
        {
            ({ } a, { } b) => a <= b ? a : b,
            (var a, var b) => a ?? b,
        },
    };
}
