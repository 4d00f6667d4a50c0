using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace SutWeb.Notifications.Channels;

/// <summary>
/// The <c>Email</c> channel, through MailKit: with <c>StartTls</c> (the default) the connection must be upgraded with
/// STARTTLS before anything is sent (<see cref="SecureSocketOptions.StartTls"/>: a server that does not offer it is
/// refused, so a password never goes in clear); without it, port 465 is TLS from the start and any other port plain.
/// A 4xx reply or a broken connection is retried; a 5xx reply, a failed sign-in or a bad certificate is refused.
/// </summary>
public sealed class EmailSender(SmtpCertificateValidation certificates) : IChannelSender
{
    private const int SmtpOk = 250;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public ChannelType Type => ChannelType.Email;

    public static SecureSocketOptions Security(ChannelOptions options) =>
        options.StartTls ? SecureSocketOptions.StartTls
        : options.Port == 465 ? SecureSocketOptions.SslOnConnect
        : SecureSocketOptions.None;

    public async Task<SendResult> SendAsync(string channel, ChannelOptions options, Notification notification, CancellationToken cancellationToken)
    {
        var message = EmailMessage.Build(options, notification);
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        if (certificates.Callback is { } callback)
        {
            client.ServerCertificateValidationCallback = callback;
        }
        try
        {
            await client.ConnectAsync(options.Host ?? "", options.Port, Security(options), cancellationToken);
            if (!string.IsNullOrEmpty(options.Username))
            {
                await client.AuthenticateAsync(options.Username, options.Password ?? "", cancellationToken);
            }
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return SendResult.Sent(SmtpOk);
        }
        catch (SmtpCommandException e)
        {
            var status = (int)e.StatusCode;
            var error = SecretRedaction.Scrub($"SMTP {status}: {e.Message}", options);
            return status >= 500 ? SendResult.Refused(status, error) : SendResult.Retry(status, error);
        }
        catch (AuthenticationException e)
        {
            return SendResult.Refused(null, SecretRedaction.Scrub($"The SMTP server refused the sign-in of {options.Username}: {e.Message}", options));
        }
        catch (SslHandshakeException e)
        {
            return SendResult.Refused(null, SecretRedaction.Scrub($"The TLS connection to the SMTP server failed: {FirstLine(e.Message)}", options));
        }
        catch (NotSupportedException e)
        {
            // E.g. StartTls set, and the server does not offer STARTTLS.
            return SendResult.Refused(null, SecretRedaction.Scrub(e.Message, options));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendResult.Retry(null, $"No answer from the SMTP server within {Timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is IOException or SocketException or TimeoutException or SmtpProtocolException or ServiceNotConnectedException)
        {
            return SendResult.Retry(null, SecretRedaction.Scrub($"Cannot talk to the SMTP server: {FirstLine(e.GetBaseException().Message)}", options));
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
