using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SutWeb.History;

/// <summary>A time at offset zero, as PostgreSQL's <c>timestamp with time zone</c> takes it from Npgsql.</summary>
public sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    time => time.ToUniversalTime(),
    time => time.ToUniversalTime());
