using Microsoft.EntityFrameworkCore;
using SutWeb.Notifications.Delivery;
using SutWeb.Operators.Audit;

namespace SutWeb.History;

/// <summary>
/// The one model of history, for both providers; each provider has its own subclass only so that it has its own
/// migrations (<c>Migrations/Sqlite</c>, <c>Migrations/Postgres</c>), which EF Core finds by context type.
/// </summary>
public abstract class HistoryDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<HistoryRun> Runs => Set<HistoryRun>();

    public DbSet<HistoryEvent> AgentEvents => Set<HistoryEvent>();

    public DbSet<HistoryGap> Gaps => Set<HistoryGap>();

    /// <summary>The notifications outbox (<c>SutWeb/Notifications/Delivery</c>): one row per notification and channel.</summary>
    public DbSet<OutboxDelivery> NotificationDeliveries => Set<OutboxDelivery>();

    /// <summary>The operators' audit trail (<c>SutWeb/Operators/Audit</c>): one row per attempt to act on a server.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HistoryRun>(run =>
        {
            run.ToTable("Runs");
            run.HasKey(r => r.Id);
            run.HasIndex(r => new { r.Source, r.ExecutionId }).IsUnique();
            // Newest first: everything, one agent, one model, one outcome (the pages' and the API's filters).
            run.HasIndex(r => new { r.StartTime, r.Id });
            run.HasIndex(r => new { r.Source, r.AgentName, r.StartTime });
            run.HasIndex(r => new { r.ModelName, r.StartTime });
            run.HasIndex(r => new { r.Outcome, r.StartTime });
        });
        modelBuilder.Entity<HistoryEvent>(e =>
        {
            e.ToTable("AgentEvents");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.At, x.Id });
            e.HasIndex(x => new { x.Source, x.AgentName, x.At });
        });
        modelBuilder.Entity<HistoryGap>(gap =>
        {
            gap.ToTable("Gaps");
            gap.HasKey(g => g.Id);
            gap.HasIndex(g => g.From);
        });
        modelBuilder.Entity<OutboxDelivery>(delivery =>
        {
            delivery.ToTable("NotificationDeliveries");
            delivery.HasKey(d => d.Id);
            // The same notification is stored once per channel, whatever the retries and restarts.
            delivery.HasIndex(d => new { d.DeliveryId, d.Channel }).IsUnique();
            // A channel's pending deliveries, oldest first (each channel sends in order).
            delivery.HasIndex(d => new { d.Channel, d.State, d.Id });
            delivery.HasIndex(d => d.CompletedAt);
            delivery.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("AuditEntries");
            audit.HasKey(a => a.Id);
            // Newest first, the only way it is read.
            audit.HasIndex(a => new { a.At, a.Id });
        });
    }
}
