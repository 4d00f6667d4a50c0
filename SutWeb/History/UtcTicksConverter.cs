using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SutWeb.History;

/// <summary>A time as its UTC ticks: one integer that sorts as time does, whatever offset the time came with.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    time => time.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
