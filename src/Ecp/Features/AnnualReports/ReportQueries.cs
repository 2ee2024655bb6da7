using System.Globalization;
using CsvHelper;
using Ecp.Common;
using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.AnnualReports;

/// <summary>
/// Annual performance reports as the public reads them: the cycles, each cycle's compliance table
/// (computed from the clock at each organization's own deadline, never stored), the submitted
/// reports with every revision, an organization's years. Cycles are one a year and a cycle's
/// requested organizations a few dozen, so these read them whole. Drafts are never read here but
/// by <see cref="DraftAsync"/>, for the organization's reporters.
/// </summary>
public sealed class ReportQueries(AppDbContext db, TimeProvider clock)
{
    /// <summary>Every cycle, newest first, with how many organizations stand where: computed from the clock
    /// as each year's table is. A cycle requests at most <see cref="ReportingCycle.MaxOrganizations"/>, and there
    /// is one a year, so the submissions read here are few.</summary>
    public async Task<IReadOnlyList<CycleSummary>> CyclesAsync(CancellationToken ct)
    {
        var cycles = await db.ReportingCycles.AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
        var submissions = (await db.AnnualReports.AsNoTracking().IgnoreAutoIncludes().Where(r => r.SubmittedAt != null)
                .Select(r => new { r.CycleId, r.OrganizationId, r.SubmittedAt }).ToListAsync(ct))
            .ToDictionary(r => (r.CycleId, r.OrganizationId), r => r.SubmittedAt);
        var now = clock.GetUtcNow();
        return cycles.Select(c =>
        {
            var statuses = c.Requested.Select(r => r.ComplianceIn(c, submissions.GetValueOrDefault((c.Id, r.OrganizationId)), now).Status).ToList();
            int Count(ComplianceStatus status) => statuses.Count(s => s == status);
            var (onTime, late) = (Count(ComplianceStatus.OnTime), Count(ComplianceStatus.Late));
            // A submitted report is on time or late: nothing else counts as submitted.
            return new CycleSummary(c.Year, c.OpensAt, c.Deadline, c.State.ToCode(), c.Requested.Count, onTime + late,
                onTime, late, Count(ComplianceStatus.Missing), Count(ComplianceStatus.Awaited));
        }).ToList();
    }

    public async Task<CycleView?> CycleAsync(int year, CancellationToken ct)
    {
        var cycle = await db.ReportingCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Year == year, ct);
        if (cycle is null) return null;
        var ids = cycle.Requested.Select(r => r.OrganizationId).ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var submissions = await db.AnnualReports.AsNoTracking().IgnoreAutoIncludes().Where(r => r.CycleId == cycle.Id && r.SubmittedAt != null)
            .Select(r => new { r.Id, r.OrganizationId, r.SubmittedAt }).ToDictionaryAsync(r => r.OrganizationId, ct);
        var now = clock.GetUtcNow();
        var rows = cycle.Requested
            .Select(r =>
            {
                var organization = organizations[r.OrganizationId];
                var submission = submissions.GetValueOrDefault(r.OrganizationId);
                var (status, daysLate) = r.ComplianceIn(cycle, submission?.SubmittedAt, now);
                return new ComplianceRow(r.OrganizationId, organization.Name, organization.Acronym, r.DeadlineIn(cycle), r.ExtendedDeadline is not null,
                    r.ExtensionReason, status.ToCode(), daysLate, submission?.SubmittedAt, submission?.Id);
            })
            .OrderBy(r => r.OrganizationName, StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true))
            .ToList();
        return new CycleView(cycle.Id, cycle.Year, cycle.OpensAt, cycle.Deadline, cycle.State.ToCode(), now, rows);
    }

    /// <summary>A submitted report; null for an unknown id and for a report that is still a draft.</summary>
    public async Task<ReportView?> ReportAsync(Guid id, CancellationToken ct)
    {
        var report = await db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.SubmittedAt != null, ct);
        if (report is null) return null;
        var cycle = await db.ReportingCycles.AsNoTracking().SingleAsync(c => c.Id == report.CycleId, ct);
        var name = await db.Organizations.Where(o => o.Id == report.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var request = cycle.RequestOf(report.OrganizationId)!;
        var (status, daysLate) = request.ComplianceIn(cycle, report.SubmittedAt, clock.GetUtcNow());
        var contents = report.Revisions.OrderBy(v => v.Number).Select(v => (Revision: v, Content: ReportContent.FromJson(v.Content))).ToList();
        var revisions = contents.Select((r, i) => new RevisionView(r.Revision.Number, r.Revision.TemplateVersion, r.Revision.Language, r.Revision.SubmittedAt,
            r.Revision.SubmittedByName, r.Revision.Reason, r.Revision.ContentHash, r.Content,
            i == 0 ? [] : RevisionDiff.Compare(contents[i - 1].Content, r.Content))).ToList();
        var current = revisions[^1];
        var versions = (await db.Set<ReportLanguageVersion>().AsNoTracking().Where(v => v.ReportId == report.Id && v.RevisionNumber == current.Number).ToListAsync(ct))
            .OrderBy(v => Languages.All.ToList().IndexOf(v.Language))
            .Select(v => new LanguageVersionView(v.RevisionNumber, v.Language, v.AddedAt, v.AddedByName, v.ContentHash, ReportContent.FromJson(v.Content)))
            .ToList();
        var missing = Languages.All.Where(code => code != current.Language && versions.All(v => v.Language != code)).ToList();
        return new ReportView(report.Id, report.Year, report.OrganizationId, name, request.DeadlineIn(cycle), report.SubmittedAt!.Value,
            status.ToCode(), daysLate, current, revisions, versions, missing, report.Number);
    }

    /// <summary>The organization's private draft in the year's cycle, for a reporter of that organization.</summary>
    public async Task<Result<DraftView>> DraftAsync(Actor actor, int year, CancellationToken ct)
    {
        var cycle = await db.ReportingCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Year == year, ct);
        if (cycle is null) return new ReportingCycleNotFound();
        var organization = actor.OrganizationId ?? Guid.Empty;
        if (AnnualReport.UnlessReporterOf(actor, cycle, organization) is { } denied) return denied;
        var report = await db.AnnualReports.AsNoTracking().IgnoreAutoIncludes()
            .FirstOrDefaultAsync(r => r.CycleId == cycle.Id && r.OrganizationId == organization && r.DraftContent != null, ct);
        if (report is null) return new DraftNotFound();
        return new DraftView(report.Id, report.Year, report.OrganizationId, report.DraftLanguage!, report.DraftSavedAt!.Value,
            ReportContent.Hash(report.DraftContent!), ReportContent.FromJson(report.DraftContent!));
    }

    /// <summary>The organization's standing in every cycle that requested it, newest year first.</summary>
    public async Task<IReadOnlyList<OrganizationYear>?> OrganizationYearsAsync(Guid organizationId, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct)) return null;
        var cycles = await db.ReportingCycles.AsNoTracking().Where(c => c.Requested.Any(r => r.OrganizationId == organizationId))
            .OrderByDescending(c => c.Year).ToListAsync(ct);
        var reports = await db.AnnualReports.AsNoTracking().Where(r => r.OrganizationId == organizationId && r.SubmittedAt != null)
            .Select(r => new { r.Id, r.CycleId, r.SubmittedAt, Revisions = r.Revisions.Count }).ToDictionaryAsync(r => r.CycleId, ct);
        var now = clock.GetUtcNow();
        return cycles.Select(c =>
        {
            var request = c.RequestOf(organizationId)!;
            var report = reports.GetValueOrDefault(c.Id);
            var (status, daysLate) = request.ComplianceIn(c, report?.SubmittedAt, now);
            return new OrganizationYear(c.Year, request.DeadlineIn(c), request.ExtendedDeadline is not null, status.ToCode(), daysLate, report?.Id, report?.Revisions ?? 0);
        }).ToList();
    }

    /// <summary>
    /// An organization's reports side by side, oldest year first: its standing in every cycle that
    /// requested it and each submitted report's current revision, with its indicators as series over
    /// the years (one row per indicator name and unit). Cycles are one a year, so this is small.
    /// </summary>
    public async Task<ReportComparison?> ComparisonAsync(Guid organizationId, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new { o.Name, o.Acronym }).FirstOrDefaultAsync(ct);
        if (organization is null) return null;
        var standings = (await OrganizationYearsAsync(organizationId, ct))!.Reverse().ToList();
        var reports = await db.AnnualReports.AsNoTracking().Where(r => r.OrganizationId == organizationId && r.SubmittedAt != null)
            .ToDictionaryAsync(r => r.Id, ct);
        var years = standings.Select(s =>
        {
            var current = s.ReportId is { } id && reports.TryGetValue(id, out var report) ? report.Revisions.MaxBy(v => v.Number) : null;
            return new ComparedYear(s, current?.Language, current is null ? null : ReportContent.FromJson(current.Content));
        }).ToList();
        var series = years
            .SelectMany(y => y.Content?.Indicators ?? [])
            .Select(i => (i.Name, i.Unit))
            .Distinct()
            .Select(key => new IndicatorSeries(key.Name, key.Unit, years
                .Select(y => y.Content?.Indicators.FirstOrDefault(i => i.Name == key.Name && i.Unit == key.Unit)?.Value)
                .ToList()))
            .ToList();
        return new ReportComparison(organizationId, organization.Name, organization.Acronym, years, series);
    }

    public const int GridDefaultPageSize = 50;
    public const int GridMaxPageSize = 200;

    /// <summary>
    /// The organization x year grid, computed from the clock like each year's table: a page of the
    /// organizations any cycle requested (by name, then id; <paramref name="after"/> is the last id of
    /// the previous page), each with its standing in every year that requested it. The years are one a
    /// cycle, so they are read whole; the organizations are paged.
    /// </summary>
    public async Task<ComplianceGrid> GridAsync(Guid? after, int? limit, CancellationToken ct)
    {
        var size = Math.Clamp(limit ?? GridDefaultPageSize, 1, GridMaxPageSize);
        var requestedIds = db.Set<RequestedOrganization>().Select(r => r.OrganizationId);
        var organizations = db.Organizations.AsNoTracking().Where(o => requestedIds.Contains(o.Id));
        if (after is { } last && await db.Organizations.Where(o => o.Id == last).Select(o => o.Name).FirstOrDefaultAsync(ct) is { } lastName)
        {
            organizations = organizations.Where(o => o.Name.CompareTo(lastName) > 0 || (o.Name == lastName && o.Id.CompareTo(last) > 0));
        }
        var page = await organizations.OrderBy(o => o.Name).ThenBy(o => o.Id).Take(size + 1)
            .Select(o => new { o.Id, o.Name, o.Acronym }).ToListAsync(ct);
        var more = page.Count > size;
        if (more) page.RemoveAt(size);
        var ids = page.Select(o => o.Id).ToList();

        var cycles = await db.ReportingCycles.AsNoTracking().IgnoreAutoIncludes().OrderBy(c => c.Year).ToListAsync(ct);
        var requests = await db.Set<RequestedOrganization>().AsNoTracking().Where(r => ids.Contains(r.OrganizationId)).ToListAsync(ct);
        var submissions = await db.AnnualReports.AsNoTracking().IgnoreAutoIncludes().Where(r => ids.Contains(r.OrganizationId) && r.SubmittedAt != null)
            .Select(r => new { r.Id, r.CycleId, r.OrganizationId, r.SubmittedAt }).ToDictionaryAsync(r => (r.CycleId, r.OrganizationId), ct);
        var now = clock.GetUtcNow();
        var byCycle = cycles.ToDictionary(c => c.Id);
        var rows = page.Select(o => new GridRow(o.Id, o.Name, o.Acronym, requests.Where(r => r.OrganizationId == o.Id)
                .Select(r =>
                {
                    var cycle = byCycle[r.CycleId];
                    var report = submissions.GetValueOrDefault((r.CycleId, o.Id));
                    var (status, daysLate) = r.ComplianceIn(cycle, report?.SubmittedAt, now);
                    return new GridCell(cycle.Year, status.ToCode(), daysLate, r.ExtendedDeadline is not null, report?.Id);
                })
                .OrderBy(c => c.Year).ToList()))
            .ToList();
        var next = more ? ids[^1] : (Guid?)null;
        return new ComplianceGrid(cycles.Select(c => c.Year).ToList(), rows, now, next,
            next is { } n ? $"/api/v1/reporting-cycles/compliance?after={n}&limit={size}" : null);
    }

    private static readonly string[] GridCsvHeader = ["organization_id", "organization", "acronym", "year", "status", "days_late", "extension_granted", "report_id"];

    /// <summary>The whole grid as CSV, one row per organization and year that requested it, a page of organizations at a time.</summary>
    public async Task WriteGridCsvAsync(Stream output, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions(), true);
        await csv.WriteRecordAsync(GridCsvHeader, ct);
        Guid? after = null;
        do
        {
            var grid = await GridAsync(after, GridMaxPageSize, ct);
            foreach (var row in grid.Rows)
            {
                foreach (var cell in row.Cells)
                {
                    await csv.WriteRecordAsync([
                        row.OrganizationId.ToString(), row.OrganizationName, row.Acronym ?? "",
                        cell.Year.ToString(CultureInfo.InvariantCulture), cell.Status,
                        cell.DaysLate?.ToString(CultureInfo.InvariantCulture) ?? "",
                        cell.ExtensionGranted ? "yes" : "no", cell.ReportId?.ToString() ?? ""], ct);
                }
            }
            after = grid.NextAfter;
        }
        while (after is not null);
        await csv.FlushAsync(ct);
    }

    /// <summary>The cycle's compilation; null for an unknown year or a cycle not compiled yet.</summary>
    public async Task<CompilationView?> CompilationAsync(int year, CancellationToken ct)
    {
        var cycle = await db.ReportingCycles.AsNoTracking().IgnoreAutoIncludes().FirstOrDefaultAsync(c => c.Year == year, ct);
        if (cycle is null) return null;
        var compilation = await db.Set<CycleCompilation>().AsNoTracking().FirstOrDefaultAsync(x => x.CycleId == cycle.Id, ct);
        if (compilation is null) return null;
        var cited = compilation.CitedNumbers.ToHashSet();
        var reports = (await db.AnnualReports.AsNoTracking().IgnoreAutoIncludes().Where(r => r.CycleId == cycle.Id && r.SubmittedAt != null && r.Number != null)
                .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { Number = r.Number!.Value, r.Id, r.OrganizationId, o.Name })
                .ToListAsync(ct))
            .OrderBy(r => r.Number).Select(r => new CompiledReport(r.Number, r.Id, r.OrganizationId, r.Name, cited.Contains(r.Number))).ToList();
        var entries = await PublishCompilation.VersionsOnRecord(db, year).AsNoTracking().OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Time, e.Payload }).ToListAsync(ct);
        var versions = entries.Select((e, i) =>
        {
            using var json = System.Text.Json.JsonDocument.Parse(e.Payload);
            var markdown = json.RootElement.GetProperty("markdown").GetString() ?? "";
            return new CompilationVersionView(i + 1, e.Time, e.Sequence, markdown, CycleCompilation.Render(markdown));
        }).ToList();
        return new CompilationView(cycle.Year, cycle.State.ToCode(), Math.Max(1, versions.Count), compilation.Markdown, compilation.Html, compilation.PublishedAt,
            compilation.CitedNumbers, reports, versions.SkipLast(1).Reverse().ToList());
    }

    private static readonly string[] CsvHeader = ["year", "organization_id", "organization", "acronym", "deadline_utc", "extension_granted",
        "extension_reason", "status", "days_late", "submitted_at_utc", "report_id"];

    /// <summary>The compliance table as CSV (open data), one row per requested organization.</summary>
    public static async Task WriteCsvAsync(CycleView cycle, Stream output, CancellationToken ct)
    {
        // Written with the async calls: the response body refuses synchronous writes.
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions(), true);
        await csv.WriteRecordAsync(CsvHeader, ct);
        foreach (var row in cycle.Compliance)
        {
            await csv.WriteRecordAsync([
                cycle.Year.ToString(CultureInfo.InvariantCulture),
                row.OrganizationId.ToString(),
                row.OrganizationName,
                row.Acronym ?? "",
                Utc(row.Deadline),
                row.ExtensionGranted ? "yes" : "no",
                row.ExtensionReason ?? "",
                row.Status,
                row.DaysLate?.ToString(CultureInfo.InvariantCulture) ?? "",
                row.SubmittedAt is { } at ? Utc(at) : "",
                row.ReportId?.ToString() ?? ""], ct);
        }
        await csv.FlushAsync(ct);
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
