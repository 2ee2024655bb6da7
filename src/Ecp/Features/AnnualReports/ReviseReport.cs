using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.AnnualReports;

/// <summary>A reporter corrects a submitted report: a new revision with a reason; the original
/// and every earlier revision stay readable. On time or late stays what the first submission was.</summary>
public sealed class ReviseReport(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command : ReportInput
    {
        /// <summary>Why the report is corrected: shown with the revision.</summary>
        public string? Reason { get; init; }
    }

    public async Task<Result<AnnualReport>> HandleAsync(Actor actor, Guid reportId, Command command, CancellationToken ct = default)
    {
        await record.BeginAsync(ct);
        var report = await db.AnnualReports.FirstOrDefaultAsync(r => r.Id == reportId && r.SubmittedAt != null, ct);
        if (report is null) return new ReportNotFound();
        var cycle = await db.ReportingCycles.SingleAsync(c => c.Id == report.CycleId, ct);
        if (AnnualReport.UnlessReporterOf(actor, cycle, report.OrganizationId) is { } denied) return denied;
        var checkedInput = await db.CheckAsync(command, submission: true, ct);
        if (!checkedInput.IsSuccess) return checkedInput.Error!;
        var revised = report.Revise(actor, checkedInput.Value.Language, checkedInput.Value.Content, command.Reason, clock.GetUtcNow());
        if (!revised.IsSuccess) return revised.Error!;
        record.Append(actor, AnnualReportActions.Revised, AnnualReportActions.ReportEntity, report.Id.ToString(), ReportWriting.Payload(report, revised.Value));
        await record.SaveAsync(ct);
        return report;
    }
}
