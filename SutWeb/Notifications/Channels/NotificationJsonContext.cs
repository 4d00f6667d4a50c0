using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SutWeb.Notifications.Channels;

/// <summary>
/// JSON of the webhook body (camelCase, nulls written: <c>"agent": null</c> is part of the contract), of the Slack and
/// Teams messages, and of a notification as the outbox stores it.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(WebhookBody))]
[JsonSerializable(typeof(Notification))]
[JsonSerializable(typeof(JsonObject))]
public sealed partial class NotificationJsonContext : JsonSerializerContext;
