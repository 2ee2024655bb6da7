using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.AnnualReports;

/// <summary>The secretariat opens the year's reporting cycle: the relevant organizations asked to report, by a deadline.</summary>
public sealed class OpenReportingCycle(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        public int? Year { get; init; }
        /// <summary>When reports are taken from (UTC); now if not given.</summary>
        public DateTimeOffset? OpensAt { get; init; }
        /// <summary>The deadline (UTC) of every requested organization, until one is extended.</summary>
        public DateTimeOffset? Deadline { get; init; }
        /// <summary>Organizations flagged "relevant organization" (Tunis Agenda ¶71).</summary>
        public IReadOnlyList<Guid>? OrganizationIds { get; init; }
    }

    public async Task<Result<ReportingCycle>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var ids = command.OrganizationIds?.Distinct().Take(ReportingCycle.MaxOrganizations).ToList() ?? [];
        var organizations = await db.Organizations.Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        var yearTaken = command.Year is { } year && await db.ReportingCycles.AnyAsync(c => c.Year == year, ct);
        var opened = ReportingCycle.Open(command.Year, command.OpensAt, command.Deadline, command.OrganizationIds, organizations, yearTaken, clock.GetUtcNow());
        if (!opened.IsSuccess) return opened;
        var cycle = opened.Value;
        db.ReportingCycles.Add(cycle);
        record.Append(actor, AnnualReportActions.CycleOpened, AnnualReportActions.CycleEntity, cycle.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), new
        {
            cycleId = cycle.Id,
            year = cycle.Year,
            opensAt = cycle.OpensAt,
            deadline = cycle.Deadline,
            organizations = cycle.Requested.Select(r => new { organizationId = r.OrganizationId, name = organizations.Single(o => o.Id == r.OrganizationId).Name }).ToArray(),
        });
        await record.SaveAsync(ct);
        return cycle;
    }
}
