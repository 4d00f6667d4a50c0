using Microsoft.EntityFrameworkCore;

namespace SutWeb.History;

/// <summary>
/// History in a SQLite file. SQLite has no time type, and EF Core cannot order or compare <see cref="DateTimeOffset"/>
/// there, so every time is stored as UTC ticks (an integer): sortable and filterable in SQL, and compact in indexes.
/// </summary>
public sealed class SqliteHistoryDbContext(DbContextOptions<SqliteHistoryDbContext> options) : HistoryDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
