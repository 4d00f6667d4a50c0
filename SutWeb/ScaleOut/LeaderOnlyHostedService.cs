namespace SutWeb.ScaleOut;

/// <summary>
/// Runs a service that only the leader may run (pollers, history recorder and pruner, notification sender): for
/// a single replica it starts and stops with the host, exactly as before; with scale-out a fresh instance runs for
/// each term and is stopped the moment the term ends, so a deposed leader stops polling, recording and sending.
/// </summary>
public sealed partial class LeaderOnlyHostedService(
    Func<IServiceProvider, IHostedService> create,
    IServiceProvider services,
    ILeadership leadership,
    ILogger<LeaderOnlyHostedService> logger) : IHostedService, IDisposable
{
    private IHostedService? _single;
    private CancellationTokenSource? _stopping;
    private Task? _terms;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (leadership.Role == ReplicaRole.Single)
        {
            _single = create(services);
            await _single.StartAsync(cancellationToken);
            return;
        }
        _stopping = new CancellationTokenSource();
        _terms = RunTermsAsync(_stopping.Token);
    }

    private async Task RunTermsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            LeadershipTerm term;
            try
            {
                term = await leadership.WaitToLeadAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            if (term.Ended.IsCancellationRequested)
            {
                continue;
            }
            term.ServiceStarted();
            var service = create(services);
            try
            {
                await service.StartAsync(stoppingToken);
                using var termOrHost = CancellationTokenSource.CreateLinkedTokenSource(term.Ended, stoppingToken);
                await Task.Delay(Timeout.Infinite, termOrHost.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogTermFailed(logger, service.GetType().Name, term.Epoch, e);
            }
            finally
            {
                // Bounded: a service that cannot stop promptly must not hold the next term or the host's stop.
                using var stopWithin = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await service.StopAsync(stopWithin.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException || stopWithin.IsCancellationRequested)
                {
                    LogTermFailed(logger, service.GetType().Name, term.Epoch, e);
                }
                (service as IDisposable)?.Dispose();
                term.ServiceStopped();
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_single is not null)
        {
            await _single.StopAsync(cancellationToken);
            return;
        }
        if (_stopping is not null && _terms is not null)
        {
            await _stopping.CancelAsync();
            await _terms.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        (_single as IDisposable)?.Dispose();
        _stopping?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Service} failed in leadership term {Epoch}")]
    private static partial void LogTermFailed(ILogger logger, string service, long epoch, Exception exception);
}
