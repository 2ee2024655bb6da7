using Ecp.Features.Drafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Features.Decisions;

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> b)
    {
        b.HasKey(d => d.Id);
        b.HasIndex(d => d.DocumentId);
        b.HasOne<OutcomeDocument>().WithMany().HasForeignKey(d => d.DocumentId);
        b.HasOne<Bodies.Body>().WithMany().HasForeignKey(d => d.BodyId);
        b.HasMany(d => d.AllPositions).WithOne().HasForeignKey(p => p.DecisionId);
        b.Navigation(d => d.AllPositions).HasField("positions").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        b.HasMany(d => d.AdvisoryViews).WithOne().HasForeignKey(v => v.DecisionId);
        b.Navigation(d => d.AdvisoryViews).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        b.Ignore(d => d.IsOpen);
        b.Ignore(d => d.Positions);
        b.Ignore(d => d.Objections);
        b.Ignore(d => d.Reservations);
    }
}

internal sealed class FormalPositionConfiguration : IEntityTypeConfiguration<FormalPosition>
{
    public void Configure(EntityTypeBuilder<FormalPosition> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.MemberStateCode).HasMaxLength(3);
        b.Property(p => p.DelegateName).HasMaxLength(200);
        b.Property(p => p.Statement).HasMaxLength(Decision.StatementMaxLength);
        b.HasIndex(p => new { p.DecisionId, p.MemberStateCode });
    }
}

internal sealed class AdvisoryViewConfiguration : IEntityTypeConfiguration<AdvisoryView>
{
    public void Configure(EntityTypeBuilder<AdvisoryView> b)
    {
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();
        b.Property(v => v.AuthorName).HasMaxLength(200);
        b.Property(v => v.Text).HasMaxLength(Decision.StatementMaxLength);
    }
}
