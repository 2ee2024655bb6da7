using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Features.Registry;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.DisplayName).HasMaxLength(Person.DisplayNameMaxLength);
        b.Property(p => p.AccountId).HasMaxLength(450);
        b.HasIndex(p => p.AccountId).IsUnique();
        b.Property(p => p.MemberStateCode).HasMaxLength(3);
        b.HasIndex(p => p.MemberStateCode);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId);
    }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.HasKey(o => o.Id);
        b.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
        b.HasIndex(o => o.Name).IsUnique();
        b.Property(o => o.Acronym).HasMaxLength(40);
        b.Property(o => o.CountryCode).HasMaxLength(3);
    }
}

internal sealed class AccreditationConfiguration : IEntityTypeConfiguration<Accreditation>
{
    public void Configure(EntityTypeBuilder<Accreditation> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Motivation).HasMaxLength(Accreditation.TextMaxLength);
        b.Property(a => a.Reason).HasMaxLength(Accreditation.TextMaxLength);
        b.Property(a => a.MemberStateCode).HasMaxLength(3);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId);
        b.HasIndex(a => new { a.Status, a.RequestedAt });
    }
}
