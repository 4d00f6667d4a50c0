using System.Net;
using StackExchange.Redis;

namespace SutWeb.ScaleOut;

/// <summary>How log lines name the Redis SutWeb talks to.</summary>
internal static class RedisEndpoints
{
    /// <summary>host:port of each Redis endpoint: never the rest of the connection string, which may hold a password.</summary>
    public static string Describe(IConnectionMultiplexer redis) => string.Join(", ", redis.GetEndPoints().Select(endpoint => endpoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        IPEndPoint ip => ip.ToString(),
        _ => endpoint.GetType().Name,
    }));
}
