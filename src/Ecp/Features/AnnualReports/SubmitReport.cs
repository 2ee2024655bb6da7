using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.AnnualReports;

/// <summary>
/// A reporter submits the organization's report for the year, once, from a draft or directly
/// (the API): it is public and immutable from then on; on time or late is read from the clock.
/// </summary>
public sealed class SubmitReport(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public async Task<Result<AnnualReport>> HandleAsync(Actor actor, int year, ReportCommand command, CancellationToken ct = default)
    {
        await record.BeginAsync(ct);
        var located = await db.LocateAsync(actor, year, command.OrganizationId, ct);
        if (!located.IsSuccess) return located.Error!;
        var (cycle, report) = located.Value;
        var now = clock.GetUtcNow();
        if (cycle.AcceptsReports(now) is { } closed) return closed;
        if (report is { IsSubmitted: true }) return new ReportAlreadySubmitted();
        var checkedInput = await db.CheckAsync(command, submission: true, ct);
        if (!checkedInput.IsSuccess) return checkedInput.Error!;
        report ??= db.StartReport(cycle, actor.OrganizationId!.Value, now);
        // Numbered under the record's write lock: no gaps, no twins.
        var number = (await db.AnnualReports.Where(r => r.CycleId == cycle.Id).MaxAsync(r => r.Number, ct) ?? 0) + 1;
        var submitted = report.Submit(actor, number, checkedInput.Value.Language, checkedInput.Value.Content, now);
        if (!submitted.IsSuccess) return submitted.Error!;
        record.Append(actor, AnnualReportActions.Submitted, AnnualReportActions.ReportEntity, report.Id.ToString(), ReportWriting.Payload(report, submitted.Value));
        await record.SaveAsync(ct);
        return report;
    }
}

/// <summary>A draft or a submission: the report's fields, for the reporter's own organization
/// unless <see cref="OrganizationId"/> names it (it must be theirs).</summary>
public sealed record ReportCommand : ReportInput
{
    public Guid? OrganizationId { get; init; }
}
