using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.Authentication;

namespace SutWeb.Tests.TestSupport;

/// <summary>
/// An SMTP server in this process (the SmtpServer package) on 127.0.0.1 that MailKit talks to: it offers STARTTLS
/// with a self-signed certificate made here, takes sign-in only over TLS with the one user and password given, refuses
/// the recipients it is told to, and records each message. <see cref="TrustItsCertificate"/> is the validation callback a test hands SutWeb.
/// </summary>
public sealed class SmtpReceiver : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly RecordingMessageStore _store = new();
    private readonly Task _running;

    private SmtpReceiver(int port, X509Certificate2 certificate, string user, string password, IReadOnlyCollection<string> rejected)
    {
        Port = port;
        Certificate = certificate;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint
                .Endpoint(new IPEndPoint(IPAddress.Loopback, port))
                .Certificate(certificate)
                .IsSecure(false)
                .AllowUnsecureAuthentication(false)
                .AuthenticationRequired(true))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        services.Add(new RejectingMailboxFilter(rejected));
        services.Add(new DelegatingUserAuthenticator((u, p) => u == user && p == password));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public X509Certificate2 Certificate { get; }

    public IReadOnlyList<ReceivedMail> Received => [.. _store.Received];

    /// <summary>Accepts this server's certificate and nothing else (what a test tells MailKit).</summary>
    public RemoteCertificateValidationCallback TrustItsCertificate =>
        (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == Certificate.GetCertHashString();

    /// <param name="rejected">Recipients it answers 550 for.</param>
    public static SmtpReceiver Start(string user, string password, params string[] rejected) =>
        new(SutWebHost.FreePort(), MakeCertificate(), user, password, rejected);

    /// <summary>Self-signed, for localhost and 127.0.0.1, valid for a day; loaded from PFX so that TLS can use its key on every platform.</summary>
    private static X509Certificate2 MakeCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
        Certificate.Dispose();
    }
}
