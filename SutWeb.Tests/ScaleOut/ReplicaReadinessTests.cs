using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.ScaleOut;

/// <summary>How the replica harness reads <c>/readyz</c>: the role wherever the contract's data carries it.</summary>
public sealed class ReplicaReadinessTests
{
    [Fact]
    public void Parse_RoleInACheckData_ReadsTheRoleAndTheBoardVersion()
    {
        const string body = """
            {"status":"Healthy","checks":{
              "eggplant-upstream":{"status":"Healthy","description":"ok","data":{"state":"Healthy","version":42}},
              "scale-out":{"status":"Healthy","description":"ok","data":{"role":"Follower"}}}}
            """;

        var readiness = ReplicaReadiness.Parse(200, body);

        Assert.True(readiness.Ready);
        Assert.True(readiness.IsFollower);
        Assert.False(readiness.IsLeader);
        Assert.Equal(42, readiness.Version);
    }

    [Fact]
    public void Parse_UnreadyAnswerWithoutJson_KeepsTheStatusOnly()
    {
        var readiness = ReplicaReadiness.Parse(503, "Service Unavailable");

        Assert.False(readiness.Ready);
        Assert.Null(readiness.Role);
        Assert.Null(readiness.Version);
    }
}
