using SutWeb.Bench.Reporting;

namespace SutWeb.Bench.Scenarios;

/// <param name="ToWebhookMs">From the control-API change to the webhook received.</param>
/// <param name="ToDecisionMs">From the change to the notification's <c>at</c> (the poll saw it and the rules decided).</param>
/// <param name="DecisionToWebhookMs">From <c>at</c> to the webhook received (outbox stored, channel sent).</param>
/// <param name="PollIntervalMs">The interval in force at the end, as the board's health states it.</param>
public sealed record NotificationLatencyResult(
    int Failures, int Received, Distribution ToWebhookMs, Distribution ToDecisionMs, Distribution DecisionToWebhookMs, double? PollIntervalMs);
