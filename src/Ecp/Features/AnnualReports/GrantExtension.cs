using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.AnnualReports;

/// <summary>The secretariat extends one organization's deadline, with a reason; the others keep theirs.</summary>
public sealed class GrantExtension(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        public Guid? OrganizationId { get; init; }
        /// <summary>The organization's new deadline (UTC), later than its current one.</summary>
        public DateTimeOffset? Deadline { get; init; }
        public string? Reason { get; init; }
    }

    public async Task<Result<ReportingCycle>> HandleAsync(Actor actor, int year, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var cycle = await db.ReportingCycles.FirstOrDefaultAsync(c => c.Year == year, ct);
        if (cycle is null) return new ReportingCycleNotFound();
        var granted = cycle.GrantExtension(command.OrganizationId, command.Deadline, command.Reason, clock.GetUtcNow());
        if (!granted.IsSuccess) return granted.Error!;
        var request = granted.Value;
        record.Append(actor, AnnualReportActions.ExtensionGranted, AnnualReportActions.CycleEntity, cycle.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), new
        {
            cycleId = cycle.Id,
            year = cycle.Year,
            organizationId = request.OrganizationId,
            deadline = request.ExtendedDeadline,
            reason = request.ExtensionReason,
        });
        await record.SaveAsync(ct);
        return cycle;
    }
}
