using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SutWeb.History;

/// <summary>For <c>dotnet ef migrations add … --context SqliteHistoryDbContext</c>: no database is opened.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHistoryDbContext>
{
    public SqliteHistoryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHistoryDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
