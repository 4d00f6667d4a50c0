namespace SutWeb.Simulator;

/// <summary>Counts every request to each Eggplant endpoint, faulted or not.</summary>
internal sealed class SimulatorCounters
{
    private long _auth;
    private long _status;
    private long _abort;

    public void CountAuth() => Interlocked.Increment(ref _auth);

    public void CountStatus() => Interlocked.Increment(ref _status);

    public void CountAbort() => Interlocked.Increment(ref _abort);

    public SimulatorStats Snapshot() =>
        new(Interlocked.Read(ref _auth), Interlocked.Read(ref _status), Interlocked.Read(ref _abort));

    public void Reset()
    {
        Interlocked.Exchange(ref _auth, 0);
        Interlocked.Exchange(ref _status, 0);
        Interlocked.Exchange(ref _abort, 0);
    }
}
