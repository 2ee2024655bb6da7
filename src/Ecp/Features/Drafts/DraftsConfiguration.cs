using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Features.Drafts;

internal sealed class OutcomeDocumentConfiguration : IEntityTypeConfiguration<OutcomeDocument>
{
    public void Configure(EntityTypeBuilder<OutcomeDocument> b)
    {
        b.HasKey(d => d.Id);
        b.Property(d => d.Title).HasMaxLength(OutcomeDocument.TitleMaxLength);
        b.Property(d => d.Symbol).HasMaxLength(100);
        b.HasIndex(d => d.Symbol).IsUnique();
        b.Property(d => d.MandateReferences).HasMaxLength(1000);
        b.Property(d => d.OriginalLanguage).HasMaxLength(2);
        b.HasOne<Bodies.Body>().WithMany().HasForeignKey(d => d.BodyId);
        b.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId);
        b.Navigation(d => d.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(d => d.Current);
        b.Ignore(d => d.IsOpenForAmendment);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> b)
    {
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        b.Property(v => v.Label).HasMaxLength(100);
        b.Property(v => v.IncorporatedAmendmentIds).HasConversion(
                ids => string.Join(',', ids),
                s => s.Length == 0 ? new List<Guid>() : s.Split(',', StringSplitOptions.None).Select(Guid.Parse).ToList(),
                new ValueComparer<IReadOnlyList<Guid>>((x, y) => x!.SequenceEqual(y!), x => x.Count, x => x.ToList()))
            .HasMaxLength(4000);
        b.HasMany(v => v.Paragraphs).WithOne().HasForeignKey(p => p.VersionId);
        b.Navigation(v => v.Paragraphs).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class ParagraphConfiguration : IEntityTypeConfiguration<Paragraph>
{
    public void Configure(EntityTypeBuilder<Paragraph> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.HasIndex(p => new { p.VersionId, p.Ordinal }).IsUnique();
        b.Property(p => p.Number).HasMaxLength(20);
        b.Property(p => p.Text).HasMaxLength(OutcomeDocument.ParagraphMaxLength);
        // Citations as "SYMBOL#NUMBER" lines: symbols never contain a line break.
        b.Property(p => p.Cites).HasConversion(
                c => string.Join('\n', c),
                s => s.Length == 0 ? new List<string>() : s.Split('\n', StringSplitOptions.None).ToList(),
                new ValueComparer<IReadOnlyList<string>>((x, y) => x!.SequenceEqual(y!), x => x.Count, x => x.ToList()))
            .HasMaxLength(2000);
        b.HasIndex(p => p.Key);
    }
}

internal sealed class AmendmentConfiguration : IEntityTypeConfiguration<Amendment>
{
    public void Configure(EntityTypeBuilder<Amendment> b)
    {
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.DocumentId, a.Status });
        b.Property(a => a.ParagraphNumber).HasMaxLength(20);
        b.Property(a => a.ProposedText).HasMaxLength(Amendment.TextMaxLength);
        b.Property(a => a.MergedText).HasMaxLength(Amendment.TextMaxLength);
        b.Property(a => a.Explanation).HasMaxLength(2000);
        b.Property(a => a.DecisionReason).HasMaxLength(2000);
        b.Property(a => a.ProponentName).HasMaxLength(200);
        b.Property(a => a.MemberStateCode).HasMaxLength(3);
        b.Ignore(a => a.EffectiveText);
        b.HasOne<OutcomeDocument>().WithMany().HasForeignKey(a => a.DocumentId);
    }
}

internal sealed class ParagraphCommentConfiguration : IEntityTypeConfiguration<ParagraphComment>
{
    public void Configure(EntityTypeBuilder<ParagraphComment> b)
    {
        b.HasKey(c => c.Id);
        b.HasIndex(c => new { c.DocumentId, c.ParagraphKey });
        b.Property(c => c.ParagraphNumber).HasMaxLength(20);
        b.Property(c => c.AuthorName).HasMaxLength(200);
        b.Property(c => c.MemberStateCode).HasMaxLength(3);
        b.Property(c => c.Text).HasMaxLength(ParagraphComment.TextMaxLength);
        b.HasOne<OutcomeDocument>().WithMany().HasForeignKey(c => c.DocumentId);
    }
}

internal sealed class ParagraphTranslationConfiguration : IEntityTypeConfiguration<ParagraphTranslation>
{
    public void Configure(EntityTypeBuilder<ParagraphTranslation> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.Language).HasMaxLength(2);
        b.Property(t => t.Text).HasMaxLength(OutcomeDocument.ParagraphMaxLength);
        b.HasIndex(t => new { t.VersionId, t.Language, t.ParagraphKey }).IsUnique();
        b.HasOne<DocumentVersion>().WithMany().HasForeignKey(t => t.VersionId);
    }
}
