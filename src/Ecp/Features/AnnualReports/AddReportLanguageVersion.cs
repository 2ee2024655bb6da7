using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.AnnualReports;

/// <summary>A reporter of the organization, or the secretariat, adds the current revision of a
/// submitted report in another UN language; it is public and on the record in full.</summary>
public sealed class AddReportLanguageVersion(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public async Task<Result<ReportLanguageVersion>> HandleAsync(Actor actor, Guid reportId, LanguageVersionInput input, CancellationToken ct = default)
    {
        await record.BeginAsync(ct);
        var report = await db.AnnualReports.FirstOrDefaultAsync(r => r.Id == reportId && r.SubmittedAt != null, ct);
        if (report is null) return new ReportNotFound();
        if (ReportLanguageVersion.UnlessAllowed(actor, report.OrganizationId) is { } denied) return denied;
        var current = report.Revisions.MaxBy(v => v.Number)!;
        var made = ReportLanguageVersion.Of(current, input, actor, clock.GetUtcNow());
        if (!made.IsSuccess) return made.Error!;
        var version = made.Value;
        if (await db.Set<ReportLanguageVersion>().AnyAsync(v => v.ReportId == report.Id && v.RevisionNumber == current.Number && v.Language == version.Language, ct))
        {
            return new ReportLanguageVersionExists(version.Language);
        }
        db.Add(version);
        record.Append(actor, AnnualReportActions.LanguageVersionAdded, AnnualReportActions.ReportEntity, report.Id.ToString(), new
        {
            reportId = report.Id,
            year = report.Year,
            organizationId = report.OrganizationId,
            revision = version.RevisionNumber,
            language = version.Language,
            contentHash = version.ContentHash,
            content = ReportContent.FromJson(version.Content),
        });
        await record.SaveAsync(ct);
        return version;
    }
}
