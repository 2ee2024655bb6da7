using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Features.Webhooks;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Url).HasMaxLength(WebhookSubscription.UrlMaxLength);
        b.Property(s => s.ProtectedSecret).HasMaxLength(1000);
        b.Ignore(s => s.IsActive);
        b.HasIndex(s => new { s.PersonId, s.RemovedAt });
        b.HasIndex(s => s.BodyId);
        b.HasIndex(s => s.ConsultationId);
        b.HasIndex(s => s.DocumentId);
        b.HasOne<Registry.Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Bodies.Body>().WithMany().HasForeignKey(s => s.BodyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Consultations.Consultation>().WithMany().HasForeignKey(s => s.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Drafts.OutcomeDocument>().WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_WebhookSubscription_OneTarget",
            "(CASE WHEN \"BodyId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ConsultationId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"DocumentId\" IS NULL THEN 0 ELSE 1 END) = 1"));
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.HasKey(d => d.Id);
        b.Property(d => d.MessageId).HasMaxLength(WebhookDelivery.MessageIdMaxLength);
        b.HasIndex(d => d.MessageId).IsUnique();
        b.Property(d => d.EventType).HasMaxLength(WebhookDelivery.EventTypeMaxLength);
        b.Property(d => d.LastError).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        // One delivery of an entry per subscription; the log's order.
        b.HasIndex(d => new { d.SubscriptionId, d.RecordSequence }).IsUnique();
        // The sender's query: undelivered, not given up, due.
        b.HasIndex(d => new { d.DeliveredAt, d.Failed, d.NextAttemptAt });
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
