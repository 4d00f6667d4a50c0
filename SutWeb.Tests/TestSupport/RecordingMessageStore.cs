using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SutWeb.Tests.TestSupport;

/// <summary>Keeps each message the <see cref="SmtpReceiver"/> is given, parsed by MimeKit, with its session's facts.</summary>
public sealed class RecordingMessageStore : MessageStore
{
    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    public override async Task<SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        await using var stream = new MemoryStream(buffer.ToArray());
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        Received.Enqueue(new ReceivedMail(
            $"{transaction.From.User}@{transaction.From.Host}",
            [.. transaction.To.Select(t => $"{t.User}@{t.Host}")],
            context.Pipe.IsSecure,
            context.Authentication.IsAuthenticated ? context.Authentication.User : null,
            message));
        return SmtpResponse.Ok;
    }
}
