using System.Net.Security;

namespace SutWeb.Notifications.Channels;

/// <summary>
/// How the email channel checks the SMTP server's certificate. Production has no setting for it: the system's checks
/// apply (<see cref="Callback"/> null). Only a test registers one, to trust the certificate it made for its own server.
/// </summary>
public sealed class SmtpCertificateValidation
{
    public RemoteCertificateValidationCallback? Callback { get; init; }
}
