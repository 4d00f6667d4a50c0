namespace SutWeb.Simulator;

/// <summary>
/// Everything the simulator's endpoints share: agents, tokens, counters and the fault in force. One per simulator: the
/// default one, and one per <c>Simulator:Instances</c> entry, keyed by its id.
/// </summary>
internal sealed class SimulatorState(
    SimulatorAgents agents,
    SimulatorTokens tokens,
    SimulatorCounters counters,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<SimulatorState> logger)
{
    private readonly Lock _faultGate = new();
    private SimulatorFault _fault = SimulatorFault.None;
    private CancellationTokenSource _faultChanged = new();

    public SimulatorAgents Agents => agents;

    /// <summary>
    /// An endpoint's <see cref="SimulatorState"/> parameter: the instance's that its route group names with a
    /// <see cref="SimulatorInstanceMetadata"/>, else the default simulator's. (Minimal APIs bind through this before
    /// asking the services, so one handler serves every instance.)
    /// </summary>
    public static ValueTask<SimulatorState?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<SimulatorState?>(context.GetEndpoint()?.Metadata.GetMetadata<SimulatorInstanceMetadata>() is { } instance
            ? context.RequestServices.GetRequiredKeyedService<SimulatorState>(instance.Id)
            : context.RequestServices.GetRequiredService<SimulatorState>());

    public SimulatorTokens Tokens => tokens;

    public SimulatorCounters Counters => counters;

    public SimulatorFault Fault => Volatile.Read(ref _fault);

    /// <summary>The fault in force, with a token cancelled once it is changed or cleared (which ends a held answer).</summary>
    public (SimulatorFault Fault, CancellationToken Changed) FaultInForce
    {
        get
        {
            lock (_faultGate)
            {
                return (_fault, _faultChanged.Token);
            }
        }
    }

    public void SetFault(SimulatorFault fault)
    {
        ChangeFault(fault);
        SimulatorLog.FaultSet(logger, fault.Kind, fault.Delay.TotalMilliseconds);
    }

    public void SetActivityRunning(bool running)
    {
        agents.SetActivityRunning(running);
        SimulatorLog.ActivitySet(logger, running);
    }

    public void SetTokenLifetime(TimeSpan tokenLifetime)
    {
        tokens.Lifetime = tokenLifetime;
        SimulatorLog.TokenLifetimeSet(logger, tokenLifetime);
    }

    /// <summary>
    /// Back to the configured start state. Tokens already issued stay valid: they belong to the
    /// clients, and a dashboard polling through a reset should not see a spurious 401.
    /// </summary>
    public void Reset()
    {
        agents.Reset();
        tokens.ResetLifetime();
        counters.Reset();
        ChangeFault(SimulatorFault.None);
        SimulatorLog.Reset(logger);
    }

    private void ChangeFault(SimulatorFault fault)
    {
        CancellationTokenSource previous;
        lock (_faultGate)
        {
            previous = _faultChanged;
            _faultChanged = new CancellationTokenSource();
            Volatile.Write(ref _fault, fault);
        }
        // Outside the lock: cancelling runs the held answers' callbacks.
        previous.Cancel();
    }

    /// <summary>Waits on the simulator's clock; false when the client left or the host is stopping first.</summary>
    public async Task<bool> DelayAsync(TimeSpan delay, CancellationToken requestAborted)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(delay, time, cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
