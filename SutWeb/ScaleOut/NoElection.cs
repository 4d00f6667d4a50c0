namespace SutWeb.ScaleOut;

/// <summary>In place of the Redis election when something else decides the leadership (the replication tests).</summary>
internal sealed class NoElection : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
