using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SutWeb.Identity;

/// <summary>
/// Sign-ins that were ended: their cookie is refused from then on (a copied cookie stays useless) and every open
/// circuit of that sign-in loses its operator rights at once (<see cref="Ended"/>). In memory; with scale-out the
/// other replicas hear of it through Redis (<see cref="SignedOutHere"/>, <see cref="EndedElsewhere"/>). Entries go
/// when no cookie of theirs could be valid any more.
/// </summary>
public sealed class OperatorSessions(TimeProvider time, IOptions<OidcOptions> options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new(StringComparer.Ordinal);

    /// <summary>Raised with the session id of a sign-in that just ended, here or on another replica.</summary>
    public event Action<string>? Ended;

    /// <summary>Raised with the session id of a sign-in that was ended on this replica, for the others to hear of.</summary>
    public event Action<string>? SignedOutHere;

    /// <summary>A sign-out on this replica.</summary>
    public void End(string session)
    {
        Record(session);
        SignedOutHere?.Invoke(session);
    }

    /// <summary>A sign-out another replica told of.</summary>
    public void EndedElsewhere(string session) => Record(session);

    private void Record(string session)
    {
        if (HasEnded(session))
        {
            return;
        }
        var now = time.GetUtcNow();
        foreach (var (old, at) in _ended)
        {
            if (now - at > options.Value.MaxLifetime)
            {
                _ended.TryRemove(old, out _);
            }
        }
        _ended[session] = now;
        Ended?.Invoke(session);
    }

    public bool HasEnded(string? session) => session is not null && _ended.ContainsKey(session);
}
