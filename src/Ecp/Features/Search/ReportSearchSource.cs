using Ecp.Data;
using Ecp.Features.AnnualReports;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Search;

/// <summary>Submitted annual performance reports: the current revision's words in its language, and
/// each of its language versions in theirs. A report that is only a draft is not public and is
/// never read here (its draft text is not even loaded).</summary>
public sealed class ReportSearchSource : ISearchSource
{
    public string Entity => AnnualReportActions.ReportEntity;

    public async Task<IReadOnlyDictionary<string, SearchDocument>> LoadAsync(AppDbContext db, IReadOnlyCollection<string> entityIds, CancellationToken ct)
    {
        var ids = SearchSourceIds.Guids(entityIds);
        var reports = await db.AnnualReports.AsNoTracking().Where(r => ids.Contains(r.Id) && r.SubmittedAt != null)
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { Report = r, o.Name, o.StakeholderGroup })
            .ToListAsync(ct);
        var reportIds = reports.Select(r => r.Report.Id).ToList();
        var versions = (await db.Set<ReportLanguageVersion>().AsNoTracking().Where(v => reportIds.Contains(v.ReportId)).ToListAsync(ct))
            .ToLookup(v => (v.ReportId, v.RevisionNumber));
        var docs = new Dictionary<string, SearchDocument>();
        foreach (var r in reports)
        {
            var current = r.Report.Revisions.MaxBy(v => v.Number)!;
            var title = $"{r.Name} · {r.Report.Year}";
            var url = $"/reports/report/{r.Report.Id}";
            docs[r.Report.Id.ToString()] = new SearchDocument(r.Report.Id.ToString(), Entity, current.Language, title,
                Words(ReportContent.FromJson(current.Content)), current.SubmittedAt, Group: r.StakeholderGroup.ToCode(), Url: url,
                Versions: versions[(r.Report.Id, current.Number)]
                    .Select(v => new SearchVersion(v.Language, title, Words(ReportContent.FromJson(v.Content)), $"{url}?language={v.Language}"))
                    .ToList());
        }
        return docs;
    }

    /// <summary>Every field's words, one field a line: what a reader would search a report for.</summary>
    private static string Words(ReportContent c) => string.Join("\n", new[] { c.Activities }
        .Concat(c.StakeholderInvolvement.Select(i => i.How))
        .Concat(c.Outcomes.Select(o => o.Title))
        .Concat(c.Indicators.Select(i => $"{i.Name} {i.Unit}"))
        .Append(c.Difficulties)
        .Append(c.Plans)
        .Where(t => !string.IsNullOrWhiteSpace(t)));
}
