using Ecp.Data;
using System.Text.Json;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Features.Consultations;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Topic).HasMaxLength(Consultation.TopicMaxLength);
        b.Property(c => c.Description).HasMaxLength(Consultation.TextMaxLength);
        b.Property(c => c.EligibleGroups).HasConversion(
                groups => string.Join(',', groups.Select(g => g.ToString())),
                s => s.Length == 0 ? new List<StakeholderGroup>() : s.Split(',', StringSplitOptions.None).Select(Enum.Parse<StakeholderGroup>).ToList(),
                new ValueComparer<IReadOnlyList<StakeholderGroup>>((x, y) => x!.SequenceEqual(y!), x => x.Count, x => x.ToList()))
            .HasMaxLength(400);
        b.HasOne<Bodies.Body>().WithMany().HasForeignKey(c => c.BodyId);
        b.HasMany(c => c.Questions).WithOne().HasForeignKey(q => q.ConsultationId);
        b.Navigation(c => c.Questions).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        b.HasMany(c => c.Extensions).WithOne().HasForeignKey(e => e.ConsultationId);
        b.Navigation(c => c.Extensions).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        b.HasIndex(c => c.ClosesAt);
        b.Ignore(c => c.IsQuestionnaire);
    }
}

internal sealed class ConsultationQuestionConfiguration : IEntityTypeConfiguration<ConsultationQuestion>
{
    public void Configure(EntityTypeBuilder<ConsultationQuestion> b)
    {
        b.HasKey(q => new { q.ConsultationId, q.Number });
        b.Property(q => q.Text).HasMaxLength(Consultation.TextMaxLength);
        b.Property(q => q.Options).HasConversion(
                o => JsonSerializer.Serialize(o, (JsonSerializerOptions?)null),
                s => JsonSerializer.Deserialize<List<string>>(s, (JsonSerializerOptions?)null) ?? new List<string>(),
                new ValueComparer<IReadOnlyList<string>>((x, y) => x!.SequenceEqual(y!), x => x.Count, x => x.ToList()))
            .HasMaxLength(8000);
    }
}

internal sealed class ConsultationExtensionConfiguration : IEntityTypeConfiguration<ConsultationExtension>
{
    public void Configure(EntityTypeBuilder<ConsultationExtension> b)
    {
        b.HasKey(e => new { e.ConsultationId, e.Number });
        b.Property(e => e.Reason).HasMaxLength(Consultation.TextMaxLength);
    }
}

internal sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> b)
    {
        b.HasKey(c => c.Id);
        b.HasIndex(c => new { c.ConsultationId, c.SubmittedAt });
        b.HasIndex(c => c.AuthorId);
        b.HasIndex(c => new { c.ConsultationId, c.Number }).IsUnique();
        b.Property(c => c.AuthorName).HasMaxLength(200);
        b.Property(c => c.MemberStateCode).HasMaxLength(3);
        b.Property(c => c.Language).HasMaxLength(2);
        b.Property(c => c.HiddenNote).HasMaxLength(2000);
        b.Property(c => c.IdentitySalt).HasMaxLength(64);
        b.Ignore(c => c.Current);
        b.Ignore(c => c.IsHidden);
        b.Ignore(c => c.IdentityCommitment);
        b.HasOne<Consultation>().WithMany().HasForeignKey(c => c.ConsultationId);
        b.HasMany(c => c.Versions).WithOne().HasForeignKey(v => v.ContributionId);
        b.Navigation(c => c.Versions).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class ContributionVersionConfiguration : IEntityTypeConfiguration<ContributionVersion>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<ContributionVersion> b)
    {
        b.HasKey(v => new { v.ContributionId, v.Number });
        b.Property(v => v.Language).HasMaxLength(2);
        b.Property(v => v.Answers).HasConversion(
            a => JsonSerializer.Serialize(a, Json),
            s => JsonSerializer.Deserialize<List<Answer>>(s, Json) ?? new List<Answer>(),
            new ValueComparer<IReadOnlyList<Answer>>((x, y) => x!.SequenceEqual(y!), x => x.Count, x => x.ToList()));
    }
}

internal sealed class ContributionAttachmentConfiguration : IEntityTypeConfiguration<ContributionAttachment>
{
    public void Configure(EntityTypeBuilder<ContributionAttachment> b)
    {
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.ContributionId);
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.MediaType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        b.HasOne<Contribution>().WithMany().HasForeignKey(a => a.ContributionId);
    }
}

internal sealed class SynthesisConfiguration : IEntityTypeConfiguration<Synthesis>
{
    public void Configure(EntityTypeBuilder<Synthesis> b)
    {
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.ConsultationId).IsUnique();
        b.Property(s => s.Markdown).HasMaxLength(Synthesis.MaxLength);
        b.Property(s => s.CitedNumbers).AsNumberList();
        b.HasOne<Consultation>().WithMany().HasForeignKey(s => s.ConsultationId);
    }
}
