using Ecp.Data;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecp.Features.AnnualReports;

internal sealed class ReportingCycleConfiguration : IEntityTypeConfiguration<ReportingCycle>
{
    public void Configure(EntityTypeBuilder<ReportingCycle> b)
    {
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.Year).IsUnique();
        b.HasMany(c => c.Requested).WithOne().HasForeignKey(r => r.CycleId);
        b.Navigation(c => c.Requested).HasField("requested").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class RequestedOrganizationConfiguration : IEntityTypeConfiguration<RequestedOrganization>
{
    public void Configure(EntityTypeBuilder<RequestedOrganization> b)
    {
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.CycleId, r.OrganizationId }).IsUnique();
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId);
        b.Property(r => r.ExtensionReason).HasMaxLength(RequestedOrganization.ReasonMaxLength);
    }
}

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.CycleId, r.OrganizationId }).IsUnique();
        b.HasIndex(r => r.OrganizationId);
        b.HasIndex(r => new { r.CycleId, r.Number }).IsUnique();
        b.HasOne<ReportingCycle>().WithMany().HasForeignKey(r => r.CycleId);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId);
        b.Property(r => r.DraftLanguage).HasMaxLength(2);
        b.HasMany(r => r.Revisions).WithOne().HasForeignKey(v => v.ReportId);
        b.Navigation(r => r.Revisions).HasField("revisions").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        b.Ignore(r => r.IsSubmitted);
    }
}

internal sealed class ReportRevisionConfiguration : IEntityTypeConfiguration<ReportRevision>
{
    public void Configure(EntityTypeBuilder<ReportRevision> b)
    {
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
        b.Property(v => v.Language).HasMaxLength(2);
        b.Property(v => v.ContentHash).HasMaxLength(80);
        b.Property(v => v.Reason).HasMaxLength(AnnualReport.ReasonMaxLength);
        b.Property(v => v.SubmittedByName).HasMaxLength(200);
    }
}

internal sealed class CycleCompilationConfiguration : IEntityTypeConfiguration<CycleCompilation>
{
    public void Configure(EntityTypeBuilder<CycleCompilation> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CycleId).IsUnique();
        b.Property(x => x.Markdown).HasMaxLength(CycleCompilation.MaxLength);
        b.Property(x => x.CitedNumbers).AsNumberList();
        b.HasOne<ReportingCycle>().WithMany().HasForeignKey(x => x.CycleId);
    }
}

internal sealed class ReportLanguageVersionConfiguration : IEntityTypeConfiguration<ReportLanguageVersion>
{
    public void Configure(EntityTypeBuilder<ReportLanguageVersion> b)
    {
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.ReportId, v.RevisionNumber, v.Language }).IsUnique();
        b.HasOne<AnnualReport>().WithMany().HasForeignKey(v => v.ReportId);
        b.Property(v => v.Language).HasMaxLength(2);
        b.Property(v => v.ContentHash).HasMaxLength(80);
        b.Property(v => v.AddedByName).HasMaxLength(200);
    }
}
