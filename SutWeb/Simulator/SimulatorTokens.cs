using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SutWeb.Shared.Wire;

namespace SutWeb.Simulator;

/// <summary>Issues opaque bearer tokens and checks them against the clock, like the Eggplant server's auth method.</summary>
internal sealed class SimulatorTokens(IOptions<SimulatorOptions> options, TimeProvider time, ILogger<SimulatorTokens> logger)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private readonly Lock _issuing = new();
    private readonly SimulatorOptions _options = options.Value;
    // Compared as hashes, in constant time: how long a wrong guess takes says nothing about the password.
    private readonly byte[] _passwordHash = Hash(options.Value.Password);
    private long _lifetimeTicks = options.Value.TokenLifetime.Ticks;

    /// <summary>Lifetime of tokens issued from now on.</summary>
    public TimeSpan Lifetime
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _lifetimeTicks));
        set => Interlocked.Exchange(ref _lifetimeTicks, value.Ticks);
    }

    /// <summary>
    /// A new token for any client that knows the configured password, while fewer than
    /// <see cref="SimulatorOptions.MaxTokens"/> tokens are live.
    /// </summary>
    public (SimulatorSignIn Outcome, TokenResponse? Token) TryIssue(string client, string secret)
    {
        if (!CryptographicOperations.FixedTimeEquals(Hash(secret), _passwordHash))
        {
            SimulatorLog.CredentialsRejected(logger);
            return (SimulatorSignIn.Rejected, null);
        }
        var now = time.GetUtcNow();
        var lifetime = Lifetime;
        var value = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        lock (_issuing)
        {
            if (_expiries.Count >= _options.MaxTokens)
            {
                // Expired tokens free their licence only here, so the table never holds more than MaxTokens.
                foreach (var (expired, _) in _expiries.Where(e => e.Value <= now))
                {
                    _expiries.TryRemove(expired, out _);
                }
                if (_expiries.Count >= _options.MaxTokens)
                {
                    SimulatorLog.NoLicenceFree(logger, _options.MaxTokens);
                    return (SimulatorSignIn.NoLicenceFree, null);
                }
            }
            _expiries[value] = now + lifetime;
        }
        SimulatorLog.TokenIssued(logger, client);
        return (SimulatorSignIn.Issued, new TokenResponse
        {
            AccessToken = value,
            ExpiresIn = (int)lifetime.TotalSeconds,
            TokenType = "bearer",
        });
    }

    public bool IsValid(string token) => _expiries.TryGetValue(token, out var expires) && time.GetUtcNow() < expires;

    public void ResetLifetime() => Lifetime = _options.TokenLifetime;

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
