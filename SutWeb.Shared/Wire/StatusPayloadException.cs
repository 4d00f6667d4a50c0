namespace SutWeb.Shared.Wire;

/// <summary>The status answer could not be read: the upstream-error path, never a crash or an empty board.</summary>
public sealed class StatusPayloadException(string message, Exception? inner = null) : Exception(message, inner);
