using Ecp.Features.Bodies;
using Ecp.Features.Drafts;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Features.Accountability;

internal sealed class TrackedResultConfiguration : IEntityTypeConfiguration<TrackedResult>
{
    public void Configure(EntityTypeBuilder<TrackedResult> b)
    {
        b.ToTable("Results");
        b.HasKey(r => r.Id);
        b.Property(r => r.Paragraph).HasMaxLength(40);
        b.Property(r => r.Title).HasMaxLength(TrackedResult.TitleMaxLength);
        b.Property(r => r.Description).HasMaxLength(TrackedResult.DescriptionMaxLength);
        b.Property(r => r.Status).HasConversion<int>();
        b.HasOne<OutcomeDocument>().WithMany().HasForeignKey(r => r.DocumentId);
        b.HasOne<Body>().WithMany().HasForeignKey(r => r.BodyId);
        b.HasOne<TrackedResult>().WithMany().HasForeignKey(r => r.ParentId);
        b.HasMany(r => r.Milestones).WithOne().HasForeignKey(m => m.ResultId);
        b.Navigation(r => r.Milestones).UsePropertyAccessMode(PropertyAccessMode.Field);
        // A document's tree, the list by status, and the dashboard's GROUP BY read by index.
        b.HasIndex(r => new { r.DocumentId, r.ParentId });
        b.HasIndex(r => new { r.Status, r.Id });
        b.HasIndex(r => new { r.BodyId, r.AdoptedYear, r.Status });
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> b)
    {
        b.ToTable("ResultMilestones");
        b.HasKey(m => m.Id);
        b.Property(m => m.Title).HasMaxLength(TrackedResult.TitleMaxLength);
        b.HasIndex(m => new { m.ResultId, m.DueOn });
    }
}

internal sealed class ResultImplementerConfiguration : IEntityTypeConfiguration<ResultImplementer>
{
    public void Configure(EntityTypeBuilder<ResultImplementer> b)
    {
        b.HasKey(i => new { i.ResultId, i.OrganizationId });
        b.HasOne<TrackedResult>().WithMany().HasForeignKey(i => i.ResultId);
        b.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId);
        b.HasIndex(i => i.OrganizationId);
    }
}
