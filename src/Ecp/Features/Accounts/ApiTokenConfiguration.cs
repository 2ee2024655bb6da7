using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Features.Accounts;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength);
        b.Property(t => t.Hash).HasMaxLength(64).IsFixedLength();
        b.HasIndex(t => t.Hash).IsUnique();
        b.Property(t => t.Hint).HasMaxLength(4);
        b.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId);
    }
}
