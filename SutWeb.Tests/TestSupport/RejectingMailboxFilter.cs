using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Storage;

namespace SutWeb.Tests.TestSupport;

/// <summary>Refuses the given recipients (the server answers 550 to their RCPT TO), as a mail server refuses an unknown mailbox.</summary>
public sealed class RejectingMailboxFilter(IReadOnlyCollection<string> rejected) : MailboxFilter
{
    public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
        Task.FromResult(!rejected.Contains($"{to.User}@{to.Host}", StringComparer.OrdinalIgnoreCase));
}
