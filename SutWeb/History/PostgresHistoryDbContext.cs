using Microsoft.EntityFrameworkCore;

namespace SutWeb.History;

/// <summary>
/// History on PostgreSQL, times as <c>timestamp with time zone</c>, which Npgsql writes only at offset zero: every time
/// is turned to UTC on the way in.
/// </summary>
public sealed class PostgresHistoryDbContext(DbContextOptions<PostgresHistoryDbContext> options) : HistoryDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }
}
