using System.Collections.Concurrent;
using System.Diagnostics;

namespace SutWeb.Tests.TestSupport;

/// <summary>
/// What a child process (a SutWeb host, HAProxy) writes: echoed to this process's standard error with a prefix, so a
/// failing test's output shows it, and its last lines kept for assertions and error messages.
/// </summary>
public static class ChildOutput
{
    /// <summary>Starts reading the started <paramref name="process"/>'s standard output and error.</summary>
    public static ConcurrentQueue<string> Keep(Process process, string prefix, int lines)
    {
        var output = new ConcurrentQueue<string>();
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }
            Console.Error.WriteLine($"[{prefix}] {e.Data}");
            output.Enqueue(e.Data);
            while (output.Count > lines && output.TryDequeue(out _))
            {
            }
        }
        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }
}
