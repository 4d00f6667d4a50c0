using System.Text;
using SutWeb.Shared.Mapping;

namespace SutWeb.Tests.Shared;

/// <summary>Keys are unique across sources and unchanged for the source <c>default</c>.</summary>
public sealed class SourceKeysTests
{
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes(
        """[{"agent_name":"mac","port":5400,"process_id":2},{"agent_name":"mac","port":5400,"process_id":1},{"agent_name":"win","process_id":3}]""");

    [Fact]
    public void Map_DefaultSource_KeysAreThoseOfTheFirstRelease()
    {
        var views = new IncrementalAgentViewMapper(AgentViewLimits.Default).Map(Answer);

        Assert.Equal(["mac:5400", "mac:5400#2", "win"], views.Select(v => v.Key));
        Assert.All(views, v => Assert.Equal("default", v.Source));
    }

    [Fact]
    public void Map_OtherSource_PrefixesEveryKeyAndStampsTheSource()
    {
        var views = new IncrementalAgentViewMapper(AgentViewLimits.Default, "lab-a", "Lab A").Map(Answer);

        Assert.Equal(["lab-a/mac:5400", "lab-a/mac:5400#2", "lab-a/win"], views.Select(v => v.Key));
        Assert.All(views, v => Assert.Equal(("lab-a", "Lab A", v.Key.Split('/')[1].Split(':')[0].Split('#')[0]), (v.Source, v.SourceName, v.AgentName)));
    }

    [Fact]
    public void Map_OtherSourceTwice_KeepsTheSameStampedViews()
    {
        var mapper = new IncrementalAgentViewMapper(AgentViewLimits.Default, "lab-a", "Lab A");

        var first = mapper.Map(Answer);
        var second = mapper.Map(Answer);

        Assert.Same(first[2], second[2]);
    }

    [Fact]
    public void For_DefaultAndOtherSource_DifferOnlyByThePrefix()
    {
        Assert.Equal("mac:5400", AgentKeys.For("default", "mac", 5400));
        Assert.Equal("lab-b/mac", AgentKeys.For("lab-b", "mac", null));
    }
}
