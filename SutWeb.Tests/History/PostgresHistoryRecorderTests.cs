using Npgsql;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.History;

[Collection(PostgresCollection.Name)]
public sealed class PostgresHistoryRecorderTests(PostgresCluster cluster) : HistoryRecorderTests
{
    protected override async Task<HistoryTestDatabase> NewDatabaseAsync() =>
        new PostgresTestDatabase(cluster, await cluster.CreateDatabaseAsync("recorder"));

    [SkippableFact]
    public async Task DatabaseStopped_PasswordInConnectionString_NeverInLogOrReadyz()
    {
        const string password = "history-secret-password";
        var connection = new NpgsqlConnectionStringBuilder(await cluster.CreateDatabaseAsync("secret")) { Password = password }.ConnectionString;
        await using var database = new PostgresTestDatabase(cluster, connection);
        await using var host = await HistoryHost.StartAsync(database);
        await host.PutAgentAsync("lab-s", HistoryAgents.Idle("lab-s", 5201));
        await Eventually.UntilAsync(async () => (await host.EventsAsync("lab-s")).Count > 0, "the agent's connection is recorded");

        string readyz;
        await database.StopAsync();
        try
        {
            await host.PutAgentAsync("lab-t", HistoryAgents.Idle("lab-t", 5202));
            await Eventually.UntilAsync(() => host.Recording().State == SutWeb.History.HistoryState.Degraded, "history is degraded");
            readyz = await host.Http.GetStringAsync("/readyz");
        }
        finally
        {
            await database.StartAsync();
        }

        Assert.Contains("\"history\":{\"status\":\"Degraded\"", readyz);
        Assert.DoesNotContain(password, readyz);
        Assert.DoesNotContain(password, host.Logs.AllText);
    }
}
