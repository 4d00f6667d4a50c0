namespace SutWeb.Tests.TestSupport;

/// <summary>
/// Waits for a condition with a bounded timeout instead of sleeping for a fixed time. Shared by the tests (which
/// fail on a timeout) and the bench programs (which report it).
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task UntilAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        await UntilAsync(() => Task.FromResult(condition()), because, timeout);

    public static async Task UntilAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        if (!await TryUntilAsync(condition, timeout ?? DefaultTimeout))
        {
            throw new TimeoutException($"Timed out waiting until {because}.");
        }
    }

    /// <returns>Whether the condition came true within <paramref name="timeout"/>.</returns>
    public static Task<bool> TryUntilAsync(Func<bool> condition, TimeSpan timeout, int pollMs = 20) =>
        TryUntilAsync(() => Task.FromResult(condition()), timeout, pollMs);

    /// <returns>Whether the condition came true within <paramref name="timeout"/>.</returns>
    public static async Task<bool> TryUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, int pollMs = 20)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(pollMs);
        }
        return true;
    }
}
