using SutWeb.Shared.Views;

namespace SutWeb.Eggplant;

/// <summary>
/// A failed call to the Eggplant server, with a message fit for the screen and the log:
/// it names the cause and never contains a secret.
/// </summary>
public sealed class EggplantException(UpstreamFailureKind kind, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public UpstreamFailureKind Kind { get; } = kind;

    /// <summary>What a person should look at; by default the one that goes with <see cref="Kind"/>.</summary>
    public UpstreamCause? Cause { get; init; } = CauseOf(kind);

    private static UpstreamCause? CauseOf(UpstreamFailureKind kind) => kind switch
    {
        UpstreamFailureKind.Network => UpstreamCause.Network,
        UpstreamFailureKind.Timeout => UpstreamCause.Timeout,
        UpstreamFailureKind.HttpError => UpstreamCause.HttpError,
        UpstreamFailureKind.Malformed => UpstreamCause.Unreadable,
        UpstreamFailureKind.TooLarge => UpstreamCause.TooLarge,
        UpstreamFailureKind.Unauthorized => UpstreamCause.Credentials,
        // An open circuit repeats the cause that opened it (UpstreamHealthTracker).
        _ => null,
    };
}
