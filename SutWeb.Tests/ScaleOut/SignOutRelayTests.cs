using Microsoft.Extensions.DependencyInjection;
using SutWeb.Identity;
using SutWeb.Tests.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.ScaleOut;

/// <summary>
/// A sign-out holds on every replica: the sign-in's cookie is refused, and its open pages lose their operator rights,
/// on the replica where it happened, on the others, and on one that starts later.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SignOutRelayTests(RedisFixture redis)
{
    private static readonly Dictionary<string, string?> Oidc = new()
    {
        // Nothing listens there: these tests never reach the provider.
        ["Security:Oidc:Authority"] = "http://127.0.0.1:9/",
        ["Security:Oidc:ClientId"] = "sutweb",
        ["Security:Oidc:OperatorClaimType"] = "roles",
        ["Security:Oidc:OperatorClaimValue"] = "sutweb-operator",
    };

    [SkippableFact]
    public async Task SignOut_OnOneReplica_EndsTheSignInOnTheOthersAndOnOnesStartedLater()
    {
        redis.Require();
        var prefix = redis.NewPrefix("signout");
        await using var a = await ScaleOutHosts.StartReplicaAsync(redis, prefix, upstream: null, Oidc);
        await using var b = await ScaleOutHosts.StartReplicaAsync(redis, prefix, upstream: null, Oidc);
        var onB = b.Services.GetRequiredService<OperatorSessions>();
        var endedOnB = new List<string>();
        onB.Ended += endedOnB.Add;

        a.Services.GetRequiredService<OperatorSessions>().End("session-of-olivia");

        await Eventually.UntilAsync(() => onB.HasEnded("session-of-olivia"), "the other replica refuses the sign-in");
        Assert.Equal(["session-of-olivia"], endedOnB); // its open pages were told
        await using var later = await ScaleOutHosts.StartReplicaAsync(redis, prefix, upstream: null, Oidc);
        await Eventually.UntilAsync(() => later.Services.GetRequiredService<OperatorSessions>().HasEnded("session-of-olivia"),
            "a replica started after the sign-out refuses it too");
        Assert.False(onB.HasEnded("session-of-victor"));
    }
}
