namespace SutWeb.Bench.Clients;

/// <summary>Answers and failures of the polling viewers.</summary>
public sealed class PollCounters
{
    private long _answered;
    private long _failed;

    public long AnsweredCount => Interlocked.Read(ref _answered);

    public long FailedCount => Interlocked.Read(ref _failed);

    public void Answered() => Interlocked.Increment(ref _answered);

    public void Failed() => Interlocked.Increment(ref _failed);
}
