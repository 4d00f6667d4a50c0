using SutWeb.History;

namespace SutWeb.Api;

/// <summary>The parameters runs and events share, as read from a query string.</summary>
internal readonly record struct CommonFilters(string? Source, string? Agent, DateTimeOffset? From, DateTimeOffset? To, int Limit, HistoryCursor? Cursor);
