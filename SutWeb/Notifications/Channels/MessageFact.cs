namespace SutWeb.Notifications.Channels;

/// <summary>One labelled detail of a message ("Model: checkout"), as plain text: each channel escapes it its own way.</summary>
public sealed record MessageFact(string Label, string Value);
