using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;

namespace Ecp.Features.AnnualReports;

/// <summary>A reporter saves the organization's draft. It stays private: the record carries a
/// reference and the content's SHA-256, never the text.</summary>
public sealed class SaveReportDraft(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public async Task<Result<AnnualReport>> HandleAsync(Actor actor, int year, ReportCommand command, CancellationToken ct = default)
    {
        await record.BeginAsync(ct);
        var located = await db.LocateAsync(actor, year, command.OrganizationId, ct);
        if (!located.IsSuccess) return located.Error!;
        var (cycle, report) = located.Value;
        if (cycle.State != CycleState.Open) return new CycleNotOpen();
        var checkedInput = await db.CheckAsync(command, submission: false, ct);
        if (!checkedInput.IsSuccess) return checkedInput.Error!;
        var now = clock.GetUtcNow();
        report ??= db.StartReport(cycle, actor.OrganizationId!.Value, now);
        var saved = report.SaveDraft(checkedInput.Value.Language, checkedInput.Value.Content, now);
        if (!saved.IsSuccess) return saved.Error!;
        record.Append(actor, AnnualReportActions.DraftSaved, AnnualReportActions.ReportEntity, report.Id.ToString(), new
        {
            reportId = report.Id,
            year = report.Year,
            organizationId = report.OrganizationId,
            contentHash = saved.Value,
        });
        await record.SaveAsync(ct);
        return report;
    }
}
