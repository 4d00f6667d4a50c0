namespace SutWeb.Eggplant;

/// <summary>
/// A failed call to the Eggplant server, with a message fit for the screen and the log:
/// it names the cause and never contains a secret.
/// </summary>
public sealed class EggplantException(UpstreamFailureKind kind, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public UpstreamFailureKind Kind { get; } = kind;
}
