using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Drafts;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Accountability;

/// <summary>
/// Results as the public reads them. A document's results are a small tree the secretariat keeps
/// and are read whole (four columns each) to roll progress up; lists page by cursor; the dashboard
/// counts in the database, one row per body, year and status.
/// </summary>
public sealed class ResultQueries(AppDbContext db)
{
    /// <summary>The roll-up rule in the words the API returns (the pages say it in their language).</summary>
    public const string RollUpRule = "A result with children shows the mean of its children's progress, each child counted equally: "
        + "a completed child counts 100, a discontinued child is left out and a child with no stated progress counts 0.";

    public sealed record ListFilter(Guid? Document = null, string? Status = null, Guid? Body = null);

    public async Task<(IReadOnlyList<ResultSummary> Page, string? Next)> ListAsync(ListFilter filter, string? after, int? limit, CancellationToken ct)
    {
        var query = db.Results.AsNoTracking();
        if (filter.Document is { } document) query = query.Where(r => r.DocumentId == document);
        if (filter.Body is { } body) query = query.Where(r => r.BodyId == body);
        if (Codes.Parse<ResultStatus>(filter.Status) is { } status) query = query.Where(r => r.Status == status);
        if (Paging.TryParseInstant(after, out var at, out var id))
        {
            query = query.Where(r => r.DefinedAt < at || (r.DefinedAt == at && r.Id.CompareTo(id) < 0));
        }
        var take = Paging.Take(limit);
        var rows = await (from r in query.OrderByDescending(r => r.DefinedAt).ThenByDescending(r => r.Id).Take(take + 1)
                          join d in db.Documents on r.DocumentId equals d.Id
                          join b in db.Bodies on r.BodyId equals b.Id
                          select new { Result = r, d.Symbol, Body = new BodyRef(b.Id, b.Name, b.Acronym) }).ToListAsync(ct);
        var (page, next) = Paging.Split(rows, take, r => Paging.FormatInstant(r.Result.DefinedAt, r.Result.Id));
        var progress = await ProgressAsync(page.Select(r => r.Result.DocumentId), ct);
        return (page.Select(r => new ResultSummary(r.Result.Id, r.Result.DocumentId, r.Symbol, r.Result.Paragraph, r.Result.Title,
            r.Result.Status.ToCode(), ResultRollUp.Round(progress.GetValueOrDefault(r.Result.Id)), r.Result.ParentId, r.Result.Depth, r.Body,
            r.Result.AdoptedYear, r.Result.UpdatedAt)).ToList(), next);
    }

    /// <summary>A document's results as a tree, roots in the order they were defined.</summary>
    public async Task<DocumentResultsView> OfDocumentAsync(Guid documentId, CancellationToken ct)
    {
        var rows = await TreeRowsAsync([documentId], ct);
        return new DocumentResultsView(documentId, RollUpRule, Tree(rows, null));
    }

    public async Task<ResultView?> GetAsync(Guid id, CancellationToken ct)
    {
        var found = await (from r in db.Results.AsNoTracking().Include(r => r.Milestones)
                           where r.Id == id
                           join d in db.Documents on r.DocumentId equals d.Id
                           join b in db.Bodies on r.BodyId equals b.Id
                           select new { Result = r, d.Symbol, d.Title, Body = new BodyRef(b.Id, b.Name, b.Acronym) }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var result = found.Result;
        var rows = await TreeRowsAsync([result.DocumentId], ct);
        var progress = ResultRollUp.Compute(rows.Select(r => r.Node).ToList());
        var implementers = await (from i in db.ResultImplementers
                                  where i.ResultId == id
                                  join o in db.Organizations on i.OrganizationId equals o.Id
                                  orderby o.Name
                                  select new ImplementerView(o.Id, o.Name)).AsNoTracking().ToListAsync(ct);
        return new ResultView(result.Id, result.DocumentId, found.Symbol, found.Title, result.AdoptedVersion, result.Paragraph, result.Title,
            result.Description, result.Status.ToCode(), result.Progress, ResultRollUp.Round(progress.GetValueOrDefault(id)), RollUpRule,
            result.ParentId, result.Depth, found.Body, result.AdoptedYear, Tree(rows, id),
            result.Milestones.OrderBy(m => m.DueOn).ThenBy(m => m.Id).Select(m => new MilestoneView(m.Id, m.Title, m.DueOn, m.DoneOn)).ToList(),
            implementers, $"/record?entity={ResultActions.Entity}&entityId={result.Id}", result.DefinedAt, result.UpdatedAt,
            await ReportsAsync(result.Id, found.Symbol, ct), await MeetingsAsync(result.DocumentId, ct));
    }

    /// <summary>The meetings whose agenda has an item on the result's document or on a decision about
    /// it, by start; at most <see cref="MaxListed"/>.</summary>
    public async Task<IReadOnlyList<ResultMeetingRef>> MeetingsAsync(Guid documentId, CancellationToken ct)
    {
        var decisions = db.Decisions.Where(d => d.DocumentId == documentId).Select(d => (Guid?)d.Id);
        var meetings = await (from a in db.Set<Meetings.AgendaItem>()
                              where (a.LinkKind == Meetings.AgendaLinkKind.Document && a.LinkId == documentId)
                                    || (a.LinkKind == Meetings.AgendaLinkKind.Decision && decisions.Contains(a.LinkId))
                              join m in db.Meetings on a.MeetingId equals m.Id
                              select new { m.Id, m.Title, m.StartsAt })
            .Distinct().OrderBy(m => m.Id).Take(MaxListed).ToListAsync(ct);
        return meetings.OrderBy(m => m.StartsAt).Select(m => new ResultMeetingRef(m.Id, m.Title, m.StartsAt, $"/meetings/{m.Id}")).ToList();
    }

    /// <summary>The submitted reports whose current revision has an outcome linking this result's page
    /// (/results/{id}, on this platform or by its full address) or naming its document's symbol. The
    /// database finds the revisions that mention either; each is then read to be sure; at most
    /// <see cref="MaxListed"/>, newest year first.</summary>
    public async Task<IReadOnlyList<ResultReportRef>> ReportsAsync(Guid resultId, string symbol, CancellationToken ct)
    {
        var link = $"/results/{resultId}";
        var mentions = await (from v in db.Set<AnnualReports.ReportRevision>().AsNoTracking()
                              where v.Content.Contains(link) || v.Content.Contains(symbol)
                              join r in db.AnnualReports on v.ReportId equals r.Id
                              where r.SubmittedAt != null && v.Number == r.Revisions.Max(x => x.Number)
                              join o in db.Organizations on r.OrganizationId equals o.Id
                              orderby r.Year descending, o.Name
                              select new { r.Id, r.OrganizationId, o.Name, r.Year, v.Content })
            .Take(MaxListed).ToListAsync(ct);
        return mentions
            .Where(m => AnnualReports.ReportContent.FromJson(m.Content).Outcomes.Any(o =>
                (o.Url is { } url && url.TrimEnd('/').EndsWith(link, StringComparison.OrdinalIgnoreCase))
                || string.Equals(o.Symbol?.Trim(), symbol, StringComparison.OrdinalIgnoreCase)))
            .Select(m => new ResultReportRef(m.Id, m.OrganizationId, m.Name, m.Year, $"/reports/report/{m.Id}"))
            .ToList();
    }

    public const int MaxListed = 100;

    /// <summary>For each body and year of adoption, the results by status, counted in the database.</summary>
    public async Task<IReadOnlyList<DashboardRow>> DashboardAsync(Guid? body, CancellationToken ct)
    {
        var results = db.Results.AsQueryable();
        if (body is { } b) results = results.Where(r => r.BodyId == b);
        var counts = await results
            .GroupBy(r => new { r.BodyId, r.AdoptedYear, r.Status })
            .Select(g => new { g.Key.BodyId, g.Key.AdoptedYear, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var bodyIds = counts.Select(c => c.BodyId).Distinct().ToList();
        var bodies = await db.Bodies.AsNoTracking().Where(x => EF.Parameter(bodyIds).Contains(x.Id))
            .ToDictionaryAsync(x => x.Id, x => new BodyRef(x.Id, x.Name, x.Acronym), ct);
        return counts.GroupBy(c => (c.BodyId, c.AdoptedYear))
            .Select(g =>
            {
                int Count(ResultStatus s) => g.Where(c => c.Status == s).Sum(c => c.Count);
                return new DashboardRow(bodies[g.Key.BodyId], g.Key.AdoptedYear, Count(ResultStatus.NotStarted), Count(ResultStatus.InProgress),
                    Count(ResultStatus.Completed), Count(ResultStatus.Delayed), Count(ResultStatus.Discontinued));
            })
            .OrderBy(r => r.Body.Name, StringComparer.Ordinal).ThenByDescending(r => r.Year).ToList();
    }

    private sealed record TreeRow(ResultRollUp.Node Node, string? Paragraph, string Title, DateTimeOffset DefinedAt);

    private async Task<List<TreeRow>> TreeRowsAsync(IEnumerable<Guid> documentIds, CancellationToken ct)
    {
        var ids = documentIds.Distinct().ToList();
        var rows = await db.Results.AsNoTracking().Where(r => EF.Parameter(ids).Contains(r.DocumentId))
            .Select(r => new { r.Id, r.ParentId, r.Status, r.Progress, r.Paragraph, r.Title, r.DefinedAt })
            .ToListAsync(ct);
        return rows.Select(r => new TreeRow(new ResultRollUp.Node(r.Id, r.ParentId, r.Status, r.Progress), r.Paragraph, r.Title, r.DefinedAt)).ToList();
    }

    private async Task<IReadOnlyDictionary<Guid, double?>> ProgressAsync(IEnumerable<Guid> documentIds, CancellationToken ct)
        => ResultRollUp.Compute((await TreeRowsAsync(documentIds, ct)).Select(r => r.Node).ToList());

    private static List<ResultNode> Tree(List<TreeRow> rows, Guid? parent)
    {
        var progress = ResultRollUp.Compute(rows.Select(r => r.Node).ToList());
        var children = rows.ToLookup(r => r.Node.ParentId);
        List<ResultNode> Build(Guid? under) => children[under].OrderBy(r => r.DefinedAt).ThenBy(r => r.Node.Id)
            .Select(r => new ResultNode(r.Node.Id, r.Paragraph, r.Title, r.Node.Status.ToCode(), ResultRollUp.Round(progress.GetValueOrDefault(r.Node.Id)),
                Build(r.Node.Id)))
            .ToList();
        return Build(parent);
    }
}
