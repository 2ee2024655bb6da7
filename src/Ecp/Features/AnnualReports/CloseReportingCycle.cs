using System.Globalization;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.AnnualReports;

/// <summary>The secretariat closes the year's cycle once every requested organization's deadline
/// has passed: no submission is taken from then on (corrections of submitted reports still are).</summary>
public sealed class CloseReportingCycle(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public async Task<Result<ReportingCycle>> HandleAsync(Actor actor, int year, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var cycle = await db.ReportingCycles.FirstOrDefaultAsync(c => c.Year == year, ct);
        if (cycle is null) return new ReportingCycleNotFound();
        var now = clock.GetUtcNow();
        if (cycle.Close(now) is { } refused) return refused;
        var submitted = await db.AnnualReports.CountAsync(r => r.CycleId == cycle.Id && r.SubmittedAt != null, ct);
        record.Append(actor, AnnualReportActions.CycleClosed, AnnualReportActions.CycleEntity, cycle.Year.ToString(CultureInfo.InvariantCulture), new
        {
            cycleId = cycle.Id,
            year = cycle.Year,
            requested = cycle.Requested.Count,
            submitted,
        });
        await record.SaveAsync(ct);
        return cycle;
    }
}
