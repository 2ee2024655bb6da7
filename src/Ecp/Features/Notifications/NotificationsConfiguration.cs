using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Features.Notifications;

internal sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> b)
    {
        b.HasKey(f => f.Id);
        // One follow per person and target; NULLs are distinct in both databases, so each target
        // has its own unique index.
        b.HasIndex(f => new { f.PersonId, f.BodyId }).IsUnique();
        b.HasIndex(f => new { f.PersonId, f.ConsultationId }).IsUnique();
        b.HasIndex(f => f.BodyId);
        b.HasIndex(f => f.ConsultationId);
        b.HasOne<Registry.Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Bodies.Body>().WithMany().HasForeignKey(f => f.BodyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Consultations.Consultation>().WithMany().HasForeignKey(f => f.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_Follows_OneTarget",
            "(\"BodyId\" IS NULL AND \"ConsultationId\" IS NOT NULL) OR (\"BodyId\" IS NOT NULL AND \"ConsultationId\" IS NULL)"));
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("NotificationOutbox");
        b.HasKey(m => m.Id);
        b.Property(m => m.Kind).HasMaxLength(60);
        b.Property(m => m.IdempotencyKey).HasMaxLength(200);
        b.HasIndex(m => m.IdempotencyKey).IsUnique();
        b.Property(m => m.Email).HasMaxLength(256);
        b.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        b.Property(m => m.Body).HasMaxLength(OutboxMessage.BodyMaxLength);
        b.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        b.Ignore(m => m.GaveUp);
        // The sender's query: unsent, due, in order.
        b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        b.HasIndex(m => m.PersonId);
    }
}

internal sealed class ProjectionCheckpointConfiguration : IEntityTypeConfiguration<ProjectionCheckpoint>
{
    public void Configure(EntityTypeBuilder<ProjectionCheckpoint> b)
    {
        b.HasKey(c => c.Name);
        b.Property(c => c.Name).HasMaxLength(100);
        b.HasData(
            new ProjectionCheckpoint(ConsultationNotifications.CheckpointName, 0),
            new ProjectionCheckpoint(AnnualReports.ReportNotifications.CheckpointName, 0),
            new ProjectionCheckpoint(Webhooks.WebhookProjection.CheckpointName, 0),
            new ProjectionCheckpoint(Campaigns.CampaignProjection.CheckpointName, 0));
    }
}

internal sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    /// <summary>Long past: a seeded lease is free.</summary>
    internal static readonly DateTimeOffset Free = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public void Configure(EntityTypeBuilder<Lease> b)
    {
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(100);
        b.Property(l => l.Holder).HasMaxLength(200);
        b.HasData(
            new Lease(OutboxSender.LeaseName, "", Free),
            new Lease(ConsultationNotifications.LeaseName, "", Free),
            new Lease(AnnualReports.ReportNotifications.LeaseName, "", Free),
            new Lease(Record.RecordTreeFollower.LeaseName, "", Free),
            new Lease(Webhooks.WebhookProjection.LeaseName, "", Free),
            new Lease(Webhooks.WebhookSender.LeaseName, "", Free),
            new Lease(Campaigns.CampaignProjection.LeaseName, "", Free));
    }
}
