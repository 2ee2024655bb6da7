using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Features.Campaigns;

internal sealed class CampaignMemberConfiguration : IEntityTypeConfiguration<CampaignMember>
{
    public void Configure(EntityTypeBuilder<CampaignMember> b)
    {
        b.HasKey(m => m.ContributionId);
        b.Property(m => m.StakeholderGroup).HasMaxLength(40);
        b.Property(m => m.Signature).HasMaxLength(TextFingerprint.Functions * 4);
        b.HasIndex(m => new { m.ConsultationId, m.ExactKey });
        b.HasIndex(m => new { m.ConsultationId, m.GroupId });
        b.HasIndex(m => new { m.ConsultationId, m.Number });
    }
}

internal sealed class CampaignBandConfiguration : IEntityTypeConfiguration<CampaignBand>
{
    public void Configure(EntityTypeBuilder<CampaignBand> b)
    {
        b.HasKey(x => new { x.ConsultationId, x.Hash, x.ContributionId });
        b.HasIndex(x => x.ContributionId);
    }
}
