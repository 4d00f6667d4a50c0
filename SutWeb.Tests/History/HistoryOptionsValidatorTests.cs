using SutWeb.History;

namespace SutWeb.Tests.History;

public sealed class HistoryOptionsValidatorTests
{
    [Fact]
    public void Validate_PostgresWithoutConnectionString_NamesTheSetting()
    {
        var result = new HistoryOptionsValidator().Validate(null, new HistoryOptions { Provider = HistoryProvider.Postgres });

        Assert.Contains("ConnectionStrings:History", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_BadRetentionAndBound_EachNamed()
    {
        var result = new HistoryOptionsValidator().Validate(null,
            new HistoryOptions { KeepRuns = TimeSpan.Zero, KeepEvents = TimeSpan.FromDays(-1), MaxPendingWrites = 0 });

        Assert.Equal(["History:KeepRuns", "History:KeepEvents", "History:MaxPendingWrites"],
            result.Failures!.Select(f => f.Split(' ')[0]));
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new HistoryOptionsValidator().Validate(null, new HistoryOptions()).Succeeded);
    }

    [Fact]
    public void ResolvedDataDirectory_Empty_IsDataBesideTheApp()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "data"), new HistoryOptions().ResolvedDataDirectory);
    }
}
