namespace SutWeb.Simulator;

/// <summary>
/// The socket-level faults: an answer that starts well (status, headers with the full Content-Length, part of the
/// body) and then stalls, drips or breaks off. A held answer ends when the client goes away, the host stops or the
/// fault is changed; it then ends by closing the connection, since the body can no longer be whole.
/// </summary>
internal static class SimulatorFaultWriter
{
    public static readonly TimeSpan DripInterval = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan ResetGrace = TimeSpan.FromMilliseconds(100);

    public static bool Handles(SimulatorFaultKind kind) =>
        kind is SimulatorFaultKind.StallBody or SimulatorFaultKind.Drip or SimulatorFaultKind.Reset;

    public static async Task WriteAsync(
        SimulatorFaultKind kind, SimulatorReply reply, HttpContext context, SimulatorState state, CancellationToken faultChanged)
    {
        var response = context.Response;
        response.StatusCode = reply.StatusCode;
        response.ContentType = reply.ContentType;
        response.ContentLength = reply.Body.Length;
        using var held = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, faultChanged);
        try
        {
            if (kind == SimulatorFaultKind.Drip)
            {
                if (await DripAsync(reply.Body, response, state, held.Token))
                {
                    return;
                }
            }
            else
            {
                await response.Body.WriteAsync(reply.Body[..(reply.Body.Length / 2)], held.Token);
                await response.Body.FlushAsync(held.Token);
                if (kind == SimulatorFaultKind.StallBody)
                {
                    await state.DelayAsync(Timeout.InfiniteTimeSpan, held.Token);
                }
                else
                {
                    // A flush only hands the bytes to Kestrel; closing at once could drop them with the connection, so
                    // give them a moment (real time: this is about the network, not the simulated clock) to reach the client.
                    await Task.Delay(ResetGrace, held.Token);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client left or the fault changed while writing: close the connection all the same.
        }
        context.Abort();
    }

    /// <returns>Whether the whole body went out; false when the client left or the fault changed first.</returns>
    private static async Task<bool> DripAsync(ReadOnlyMemory<byte> body, HttpResponse response, SimulatorState state, CancellationToken held)
    {
        for (var i = 0; i < body.Length; i++)
        {
            if (i > 0 && !await state.DelayAsync(DripInterval, held))
            {
                return false;
            }
            await response.Body.WriteAsync(body.Slice(i, 1), held);
            await response.Body.FlushAsync(held);
        }
        return true;
    }
}
