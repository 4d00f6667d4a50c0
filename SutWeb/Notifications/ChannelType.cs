namespace SutWeb.Notifications;

public enum ChannelType
{
    Webhook,
    Slack,
    Teams,
    Email,
}
