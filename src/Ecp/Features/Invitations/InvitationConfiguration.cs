using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Features.Invitations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.HasKey(i => i.Id);
        b.Property(i => i.DisplayName).HasMaxLength(Registry.Person.DisplayNameMaxLength);
        b.Property(i => i.Email).HasMaxLength(Invitation.EmailMaxLength);
        b.Property(i => i.NormalizedEmail).HasMaxLength(Invitation.EmailMaxLength);
        b.HasIndex(i => i.NormalizedEmail);
        b.Property(i => i.MemberStateCode).HasMaxLength(3);
        b.Property(i => i.Language).HasMaxLength(2);
        b.Property(i => i.TokenHash).HasMaxLength(64).IsFixedLength();
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.InvitedAt);
        b.HasOne<Registry.Person>().WithMany().HasForeignKey(i => i.InvitedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Registry.Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Registry.Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
