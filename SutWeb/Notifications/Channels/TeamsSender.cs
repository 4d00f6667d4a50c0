using System.Net.Http.Headers;
using System.Text.Json;

namespace SutWeb.Notifications.Channels;

/// <summary>The <c>Teams</c> channel: an Adaptive Card (<see cref="TeamsCard"/>) to a Teams Workflows webhook.</summary>
public sealed class TeamsSender(HttpChannelPost post) : IChannelSender
{
    public ChannelType Type => ChannelType.Teams;

    public Task<SendResult> SendAsync(string channel, ChannelOptions options, Notification notification, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(TeamsCard.Build(NotificationText.Compose(notification)), NotificationJsonContext.Default.JsonObject);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return post.PostAsync(channel, options, content, null, cancellationToken);
    }
}
