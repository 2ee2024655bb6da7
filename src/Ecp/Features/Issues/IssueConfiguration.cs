using Ecp.Features.Drafts;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Features.Issues;

internal static class IssueNamesColumns
{
    public static void Map(ComplexPropertyBuilder<IssueNames> names)
    {
        names.Property(n => n.En).HasMaxLength(IssueNames.MaxLength).HasColumnName("NameEn").IsRequired();
        names.Property(n => n.Fr).HasMaxLength(IssueNames.MaxLength).HasColumnName("NameFr");
        names.Property(n => n.Es).HasMaxLength(IssueNames.MaxLength).HasColumnName("NameEs");
        names.Property(n => n.Ru).HasMaxLength(IssueNames.MaxLength).HasColumnName("NameRu");
        names.Property(n => n.Zh).HasMaxLength(IssueNames.MaxLength).HasColumnName("NameZh");
        names.Property(n => n.Ar).HasMaxLength(IssueNames.MaxLength).HasColumnName("NameAr");
    }
}

internal sealed class IssueClusterConfiguration : IEntityTypeConfiguration<IssueCluster>
{
    public void Configure(EntityTypeBuilder<IssueCluster> b)
    {
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(Issue.CodeMaxLength);
        b.ComplexProperty(c => c.Names, IssueNamesColumns.Map);
    }
}

internal sealed class IssueConfiguration : IEntityTypeConfiguration<Issue>
{
    public void Configure(EntityTypeBuilder<Issue> b)
    {
        b.HasKey(i => i.Code);
        b.Property(i => i.Code).HasMaxLength(Issue.CodeMaxLength);
        b.Property(i => i.ClusterCode).HasMaxLength(Issue.CodeMaxLength);
        b.Property(i => i.SuccessorCode).HasMaxLength(Issue.CodeMaxLength);
        b.Property(i => i.EndReason).HasMaxLength(Issue.ReasonMaxLength);
        b.HasOne<IssueCluster>().WithMany().HasForeignKey(i => i.ClusterCode);
        b.HasOne<Issue>().WithMany().HasForeignKey(i => i.SuccessorCode);
        b.ComplexProperty(i => i.Names, IssueNamesColumns.Map);
        b.Ignore(i => i.IsActive);
    }
}

internal sealed class ScopeAssessmentConfiguration : IEntityTypeConfiguration<ScopeAssessment>
{
    public void Configure(EntityTypeBuilder<ScopeAssessment> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.IssueCode).HasMaxLength(Issue.CodeMaxLength);
        b.Property(a => a.Voice).HasMaxLength(60);
        b.Property(a => a.MemberStateCode).HasMaxLength(3);
        b.Property(a => a.PersonName).HasMaxLength(200);
        b.Property(a => a.Reason).HasMaxLength(Issue.ReasonMaxLength);
        b.HasOne<Issue>().WithMany().HasForeignKey(a => a.IssueCode);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId);
        // The standing assessment of a voice, and the distribution by group, read by index.
        b.HasIndex(a => new { a.IssueCode, a.Voice, a.SupersededAt });
        b.HasIndex(a => new { a.IssueCode, a.SupersededAt, a.Group, a.Scope });
    }
}

internal sealed class IssueMappingConfiguration : IEntityTypeConfiguration<IssueMapping>
{
    public void Configure(EntityTypeBuilder<IssueMapping> b)
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.IssueCode).HasMaxLength(Issue.CodeMaxLength);
        b.Property(m => m.Title).HasMaxLength(IssueMapping.TitleMaxLength);
        b.Property(m => m.Url).HasMaxLength(IssueMapping.UrlMaxLength);
        b.Property(m => m.StatusNote).HasMaxLength(IssueMapping.NoteMaxLength);
        b.Property(m => m.Gaps).HasConversion<int>();
        b.HasOne<Issue>().WithMany().HasForeignKey(m => m.IssueCode);
        b.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId);
        b.HasOne<OutcomeDocument>().WithMany().HasForeignKey(m => m.DocumentId);
        b.HasIndex(m => new { m.IssueCode, m.RemovedAt });
        b.HasIndex(m => m.OrganizationId);
        b.Ignore(m => m.IsActive);
    }
}

internal sealed class MappingProposalConfiguration : IEntityTypeConfiguration<MappingProposal>
{
    public void Configure(EntityTypeBuilder<MappingProposal> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.IssueCode).HasMaxLength(Issue.CodeMaxLength);
        b.Property(p => p.Title).HasMaxLength(IssueMapping.TitleMaxLength);
        b.Property(p => p.Url).HasMaxLength(IssueMapping.UrlMaxLength);
        b.Property(p => p.StatusNote).HasMaxLength(IssueMapping.NoteMaxLength);
        b.Property(p => p.Reason).HasMaxLength(Issue.ReasonMaxLength);
        b.Property(p => p.DecisionReason).HasMaxLength(Issue.ReasonMaxLength);
        b.Property(p => p.ProposerName).HasMaxLength(200);
        b.Property(p => p.Gaps).HasConversion<int>();
        b.HasOne<Issue>().WithMany().HasForeignKey(p => p.IssueCode);
        b.HasIndex(p => new { p.IssueCode, p.State, p.ProposedAt });
        b.Ignore(p => p.IsPending);
    }
}

internal sealed class IssueTagConfiguration : IEntityTypeConfiguration<IssueTag>
{
    public void Configure(EntityTypeBuilder<IssueTag> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.IssueCode).HasMaxLength(Issue.CodeMaxLength);
        b.HasOne<Issue>().WithMany().HasForeignKey(t => t.IssueCode);
        b.HasIndex(t => new { t.IssueCode, t.RemovedAt, t.Subject });
        b.HasIndex(t => new { t.SubjectId, t.RemovedAt });
        b.Ignore(t => t.IsActive);
    }
}
