using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Issues;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.AnnualReports;

/// <summary>What drafting, submitting and revising share: finding the cycle and the report under
/// the record's lock, the reporter's guard, and the template's check against the issue map.</summary>
internal static class ReportWriting
{
    /// <summary>The cycle of <paramref name="year"/> and the organization's report in it (null before
    /// its first save), once the actor passed <see cref="AnnualReport.UnlessReporterOf"/>.
    /// The organization is the reporter's own unless named.</summary>
    public static async Task<Result<(ReportingCycle Cycle, AnnualReport? Report)>> LocateAsync(this AppDbContext db, Actor actor, int year, Guid? organizationId,
        CancellationToken ct)
    {
        var cycle = await db.ReportingCycles.FirstOrDefaultAsync(c => c.Year == year, ct);
        if (cycle is null) return new ReportingCycleNotFound();
        var organization = organizationId ?? actor.OrganizationId ?? Guid.Empty;
        if (AnnualReport.UnlessReporterOf(actor, cycle, organization) is { } denied) return denied;
        var report = await db.AnnualReports.FirstOrDefaultAsync(r => r.CycleId == cycle.Id && r.OrganizationId == organization, ct);
        return (cycle, report);
    }

    /// <summary>The organization's report in the cycle, started at its first save.</summary>
    public static AnnualReport StartReport(this AppDbContext db, ReportingCycle cycle, Guid organizationId, DateTimeOffset now)
    {
        var report = AnnualReport.Start(cycle, organizationId, now);
        db.AnnualReports.Add(report);
        return report;
    }

    /// <summary>The report's fields checked by the template, the issue codes against the issue map.</summary>
    public static async Task<Result<(string Language, ReportContent Content)>> CheckAsync(this AppDbContext db, ReportInput input, bool submission, CancellationToken ct)
    {
        var codes = input.IssuesAddressed?.OfType<string>().Distinct().Take(ReportTemplate.MaxItems + 1).ToList() ?? [];
        var active = codes.Count == 0 ? [] : await db.Issues.Where(i => codes.Contains(i.Code) && i.State == IssueState.Active).Select(i => i.Code).ToListAsync(ct);
        return ReportTemplate.Check(input, active.ToHashSet(), submission);
    }

    /// <summary>The record's payload of a submitted revision: it is public, so it carries the text.</summary>
    public static object Payload(AnnualReport report, ReportRevision revision) => new
    {
        reportId = report.Id,
        year = report.Year,
        organizationId = report.OrganizationId,
        number = report.Number,
        revision = revision.Number,
        templateVersion = revision.TemplateVersion,
        language = revision.Language,
        reason = revision.Reason,
        contentHash = revision.ContentHash,
        content = ReportContent.FromJson(revision.Content),
    };
}
