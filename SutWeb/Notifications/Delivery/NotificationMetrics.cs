using System.Diagnostics.Metrics;
using SutWeb.Telemetry;

namespace SutWeb.Notifications.Delivery;

/// <summary>
/// Delivery's instruments on SutWeb's meter (exported at <c>/metrics</c>): <c>sutweb_notifications_sent_total</c>,
/// <c>sutweb_notifications_failed_total</c> (with <c>reason</c>: refused or expired) and
/// <c>sutweb_notifications_retried_total</c>, each by <c>channel</c> and <c>event</c>.
/// </summary>
public sealed class NotificationMetrics
{
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retried;

    public NotificationMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(SutWebMetrics.MeterName);
        _sent = meter.CreateCounter<long>("sutweb.notifications.sent", "{delivery}",
            "Notifications a receiver accepted, by channel and event.");
        _failed = meter.CreateCounter<long>("sutweb.notifications.failed", "{delivery}",
            "Notifications given up: refused by the receiver (reason refused) or still failing after an hour of retries (reason expired), by channel and event.");
        _retried = meter.CreateCounter<long>("sutweb.notifications.retried", "{attempt}",
            "Failed attempts that will be tried again (receiver down, 5xx, 408, 429, timeout), by channel and event.");
    }

    public void Sent(string channel, string @event)
    {
        _sent.Add(1, Channel(channel), Event(@event));
    }

    public void Failed(string channel, string @event, string reason)
    {
        _failed.Add(1, Channel(channel), Event(@event), new KeyValuePair<string, object?>("reason", reason));
    }

    public void Retried(string channel, string @event) => _retried.Add(1, Channel(channel), Event(@event));

    private static KeyValuePair<string, object?> Channel(string channel) => new("channel", channel);

    private static KeyValuePair<string, object?> Event(string @event) => new("event", @event);
}
