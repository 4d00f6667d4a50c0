using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SutWeb.History;

/// <summary>For <c>dotnet ef migrations add … --context PostgresHistoryDbContext</c>: no server is asked.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHistoryDbContext>
{
    public PostgresHistoryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHistoryDbContext>().UseNpgsql("Host=localhost;Database=sutweb").Options);
}
