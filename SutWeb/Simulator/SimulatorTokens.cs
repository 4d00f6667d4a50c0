using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SutWeb.Shared.Wire;

namespace SutWeb.Simulator;

/// <summary>Issues opaque bearer tokens and checks them against the clock, like the Eggplant server's auth method.</summary>
internal sealed class SimulatorTokens(IOptions<SimulatorOptions> options, TimeProvider time, ILogger<SimulatorTokens> logger)
{
    // Beyond this many tokens, expired ones are dropped when the next is issued, so a client that
    // re-authenticates in a loop cannot grow the table without bound.
    private const int PurgeThreshold = 1_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private readonly SimulatorOptions _options = options.Value;
    private long _lifetimeTicks = options.Value.TokenLifetime.Ticks;

    /// <summary>Lifetime of tokens issued from now on.</summary>
    public TimeSpan Lifetime
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _lifetimeTicks));
        set => Interlocked.Exchange(ref _lifetimeTicks, value.Ticks);
    }

    /// <summary>A new token for any client that knows the configured password; null otherwise.</summary>
    public TokenResponse? TryIssue(string client, string secret)
    {
        if (!string.Equals(secret, _options.Password, StringComparison.Ordinal))
        {
            SimulatorLog.CredentialsRejected(logger, client);
            return null;
        }
        var now = time.GetUtcNow();
        var lifetime = Lifetime;
        if (_expiries.Count > PurgeThreshold)
        {
            foreach (var (expired, _) in _expiries.Where(e => e.Value <= now))
            {
                _expiries.TryRemove(expired, out _);
            }
        }
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        _expiries[token] = now + lifetime;
        SimulatorLog.TokenIssued(logger, client);
        return new TokenResponse
        {
            AccessToken = token,
            ExpiresIn = (int)lifetime.TotalSeconds,
            TokenType = "bearer",
        };
    }

    public bool IsValid(string token) => _expiries.TryGetValue(token, out var expires) && time.GetUtcNow() < expires;

    public void ResetLifetime() => Lifetime = _options.TokenLifetime;
}
