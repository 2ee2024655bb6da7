using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Features.Assessments;

internal sealed class AssessmentRoundConfiguration : IEntityTypeConfiguration<AssessmentRound>
{
    public void Configure(EntityTypeBuilder<AssessmentRound> b)
    {
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.Number).IsUnique();
        b.Property(r => r.Title).HasMaxLength(AssessmentRound.TitleMaxLength);
        b.OwnsMany(r => r.Dimensions, d =>
        {
            d.ToTable("AssessmentDimensions");
            d.WithOwner().HasForeignKey("RoundId");
            d.HasKey("RoundId", nameof(AssessmentDimension.Code));
            d.Property(x => x.Code).HasMaxLength(AssessmentRound.CodeMaxLength);
            d.Property(x => x.Name).HasMaxLength(AssessmentRound.DimensionNameMaxLength);
        });
        b.Navigation(r => r.Dimensions).HasField("dimensions").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(r => r.AllRatings).WithOne().HasForeignKey(x => x.RoundId);
        b.Navigation(r => r.AllRatings).HasField("ratings").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        b.Ignore(r => r.Ratings);
    }
}

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> b)
    {
        b.ToTable("AssessmentRatings");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.DimensionCode).HasMaxLength(AssessmentRound.CodeMaxLength);
        b.Property(r => r.Comment).HasMaxLength(AssessmentRound.CommentMaxLength);
        b.Property(r => r.RaterName).HasMaxLength(200);
        b.Property(r => r.MemberStateCode).HasMaxLength(3);
        b.HasIndex(r => new { r.RoundId, r.DimensionCode });
    }
}
