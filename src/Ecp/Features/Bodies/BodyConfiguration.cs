using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Features.Bodies;

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(Body.NameMaxLength);
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Acronym).HasMaxLength(40);
        b.Property(x => x.MandateReference).HasMaxLength(Body.TextMaxLength);
        b.Property(x => x.ObserverRule).HasMaxLength(Body.TextMaxLength);
        b.Ignore(x => x.DecisionRule);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.BodyId);
        b.Navigation(x => x.Members).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class BodyMemberConfiguration : IEntityTypeConfiguration<BodyMember>
{
    public void Configure(EntityTypeBuilder<BodyMember> b)
    {
        b.HasKey(m => new { m.BodyId, m.MemberStateCode });
        b.Property(m => m.MemberStateCode).HasMaxLength(3);
    }
}
