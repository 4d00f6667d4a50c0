using MimeKit;

namespace SutWeb.Tests.TestSupport;

/// <summary>One message an <see cref="SmtpReceiver"/> took: the envelope, how the session was secured and signed in, the parsed message.</summary>
public sealed record ReceivedMail(
    string EnvelopeFrom,
    IReadOnlyList<string> EnvelopeTo,
    bool Secure,
    string? User,
    MimeMessage Message);
