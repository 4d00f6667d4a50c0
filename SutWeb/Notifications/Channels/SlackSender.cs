using System.Net.Http.Headers;
using System.Text.Json;

namespace SutWeb.Notifications.Channels;

/// <summary>The <c>Slack</c> channel: a readable message (<see cref="SlackMessage"/>) to an incoming webhook.</summary>
public sealed class SlackSender(HttpChannelPost post) : IChannelSender
{
    public ChannelType Type => ChannelType.Slack;

    public Task<SendResult> SendAsync(string channel, ChannelOptions options, Notification notification, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(SlackMessage.Build(NotificationText.Compose(notification)), NotificationJsonContext.Default.JsonObject);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return post.PostAsync(channel, options, content, null, cancellationToken);
    }
}
