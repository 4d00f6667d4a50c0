using System.Net.Http.Headers;
using System.Text.Json;

namespace SutWeb.Notifications.Channels;

/// <summary>
/// The <c>Webhook</c> channel: the contract's JSON body, <c>X-SutWeb-Delivery</c> (the same on every retry), the
/// signature when a secret is set, and the channel's own headers.
/// </summary>
public sealed class WebhookSender(HttpChannelPost post) : IChannelSender
{
    public ChannelType Type => ChannelType.Webhook;

    public static byte[] Body(Notification notification) =>
        JsonSerializer.SerializeToUtf8Bytes(WebhookBody.From(notification), NotificationJsonContext.Default.WebhookBody);

    public Task<SendResult> SendAsync(string channel, ChannelOptions options, Notification notification, CancellationToken cancellationToken)
    {
        var body = Body(notification);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return post.PostAsync(channel, options, content, request =>
        {
            foreach (var (name, value) in options.Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
            request.Headers.Add(WebhookSignature.DeliveryHeader, notification.DeliveryId.ToString());
            if (!string.IsNullOrEmpty(options.Secret))
            {
                request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(options.Secret, body));
            }
        }, cancellationToken);
    }
}
