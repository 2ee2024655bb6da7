using System.Globalization;
using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Issues;

/// <summary>
/// The issue map as the public reads it. The taxonomy is reference data the secretariat keeps (a
/// few dozen issues), so the map reads every issue; what is attached to issues (mappings,
/// assessments, proposals, tags) grows without bound and is counted or paged in the database.
/// </summary>
public sealed class IssueQueries(AppDbContext db, MemberStateCatalog states)
{
    /// <summary>How many pending proposals and tagged items an issue's view carries; the rest page.</summary>
    public const int ViewListSize = 20;

    /// <summary>The filters of the map: a cluster, a gap type, only uncovered issues, and the state
    /// ("active" by default, "merged", "retired" or "all").</summary>
    public sealed record MapFilter(string? Cluster = null, string? Gap = null, bool Uncovered = false, string? State = null);

    public async Task<IssueMapView> MapAsync(MapFilter filter, CancellationToken ct)
    {
        var clusters = await db.IssueClusters.AsNoTracking().OrderBy(c => c.Position).ToListAsync(ct);
        var issues = await db.Issues.AsNoTracking().OrderBy(i => i.Position).ThenBy(i => i.Code).ToListAsync(ct);
        var coverage = await CoverageAsync(null, ct);
        var gap = Codes.Parse<GapTypes>(filter.Gap);
        IssueState? state = filter.State == "all" ? null : Codes.Parse<IssueState>(filter.State) ?? IssueState.Active;

        var summaries = issues
            .Where(i => state is null || i.State == state)
            .Where(i => filter.Cluster is null || i.ClusterCode == filter.Cluster)
            .Select(i => Summarize(i, coverage.GetValueOrDefault(i.Code)))
            .Where(s => !filter.Uncovered || s.Uncovered)
            .Where(s => gap is null || s.Gaps.Contains(gap.Value.ToCode()))
            .ToList();
        var views = clusters
            .Select(c => new ClusterView(c.Code, c.Names.Current(), summaries.Where(s => s.Cluster == c.Code).ToList()))
            .Where(c => c.Issues.Count > 0 || filter.Cluster == c.Code)
            .ToList();
        var uncovered = issues.Count(i => i.IsActive && coverage.GetValueOrDefault(i.Code) is not { Total: > 0 });
        return new IssueMapView(views, uncovered, Translation());
    }

    /// <summary>Every cluster, in the mapping's order: the map page's cluster filter.</summary>
    public async Task<IReadOnlyList<(string Code, NameView Name)>> ClustersAsync(CancellationToken ct)
        => (await db.IssueClusters.AsNoTracking().OrderBy(c => c.Position).ToListAsync(ct)).Select(c => (c.Code, c.Names.Current())).ToList();

    /// <summary>The issue under this code, merged or not (the API and pages redirect a merged one).</summary>
    public async Task<IssueView?> GetAsync(string code, CancellationToken ct)
    {
        var issue = await db.Issues.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        if (issue is null) return null;
        var cluster = await db.IssueClusters.AsNoTracking().SingleAsync(c => c.Code == issue.ClusterCode, ct);
        var mappings = await MappingsAsync(code, ct);
        var cover = (await CoverageAsync(code, ct)).GetValueOrDefault(code);

        var counts = await db.ScopeAssessments
            .Where(a => a.IssueCode == code && a.SupersededAt == null)
            .GroupBy(a => new { a.Group, a.Scope })
            .Select(g => new { g.Key.Group, g.Key.Scope, Count = g.Count() })
            .ToListAsync(ct);
        var scope = StakeholderGroups.All
            .Select(group => new ScopeDistribution(group.ToCode(),
                counts.Where(c => c.Group == group && c.Scope == ScopeClass.InternationalPublicPolicy).Sum(c => c.Count),
                counts.Where(c => c.Group == group && c.Scope == ScopeClass.NationalPublicPolicy).Sum(c => c.Count),
                counts.Where(c => c.Group == group && c.Scope == ScopeClass.TechnicalOperational).Sum(c => c.Count)))
            .ToList();

        var pending = db.MappingProposals.Where(p => p.IssueCode == code && p.State == ProposalState.Pending);
        var proposals = await ProposalViewsAsync(pending.OrderByDescending(p => p.ProposedAt).ThenByDescending(p => p.Id).Take(ViewListSize), ct);

        return new IssueView(issue.Code, cluster.Code, cluster.Names.Current(), issue.Names.Current(), issue.Names.ToDictionary(),
            issue.State.ToCode(), issue.SuccessorCode, issue.EndedAt, issue.EndReason,
            cover is not { Total: > 0 }, cover?.Gaps.ToCodes() ?? [], mappings, scope, proposals, await pending.CountAsync(ct),
            await TaggedAsync(code, ct), Translation());
    }

    /// <summary>The issue a code names now: itself, or the issue it was merged into.</summary>
    public Task<Issue?> ResolveAsync(string code, CancellationToken ct) => db.Issues.AsNoTracking().ResolveAsync(code, ct);

    /// <summary>The standing scope assessments of an issue with their reasons, newest first, paged;
    /// with <paramref name="history"/>, the superseded ones too.</summary>
    public async Task<(IReadOnlyList<ScopeAssessmentView> Page, string? Next)> ScopeAssessmentsAsync(string code, StakeholderGroup? group,
        bool history, string? after, int? limit, CancellationToken ct)
    {
        var query = db.ScopeAssessments.AsNoTracking().Where(a => a.IssueCode == code);
        if (!history) query = query.Where(a => a.SupersededAt == null);
        if (group is { } g) query = query.Where(a => a.Group == g);
        if (Paging.TryParseInstant(after, out var at, out var id))
        {
            query = query.Where(a => a.AssessedAt < at || (a.AssessedAt == at && a.Id.CompareTo(id) < 0));
        }
        var take = Paging.Take(limit);
        var rows = await query.OrderByDescending(a => a.AssessedAt).ThenByDescending(a => a.Id).Take(take + 1).ToListAsync(ct);
        var (page, next) = Paging.Split(rows, take, a => Paging.FormatInstant(a.AssessedAt, a.Id));
        return (page.Select(a => new ScopeAssessmentView(a.Id, a.IssueCode, a.Group.ToCode(), a.MemberStateCode,
            a.MemberStateCode is { } s ? states.Find(s)?.Name : null, a.PersonId, a.PersonName, a.Scope.ToCode(), a.Reason,
            a.AssessedAt, a.SupersededAt)).ToList(), next);
    }

    /// <summary>An issue's mapping proposals in one state (pending by default), newest first, paged.</summary>
    public async Task<(IReadOnlyList<ProposalView> Page, string? Next)> ProposalsAsync(string code, ProposalState? state, string? after, int? limit,
        CancellationToken ct)
    {
        var query = db.MappingProposals.AsNoTracking().Where(p => p.IssueCode == code);
        if (state is { } s) query = query.Where(p => p.State == s);
        if (Paging.TryParseInstant(after, out var at, out var id))
        {
            query = query.Where(p => p.ProposedAt < at || (p.ProposedAt == at && p.Id.CompareTo(id) < 0));
        }
        var take = Paging.Take(limit);
        var rows = await ProposalViewsAsync(query.OrderByDescending(p => p.ProposedAt).ThenByDescending(p => p.Id).Take(take + 1), ct);
        return Paging.Split(rows.ToList(), take, p => Paging.FormatInstant(p.ProposedAt, p.Id));
    }

    public async Task<ProposalView?> ProposalAsync(Guid id, CancellationToken ct)
        => (await ProposalViewsAsync(db.MappingProposals.Where(p => p.Id == id), ct)).FirstOrDefault();

    /// <summary>The issues a consultation or document is tagged with, for its page's links back.</summary>
    public async Task<IReadOnlyList<IssueLink>> IssuesOfAsync(Guid subjectId, CancellationToken ct)
    {
        var rows = await (from t in db.IssueTags
                          join i in db.Issues on t.IssueCode equals i.Code
                          where t.SubjectId == subjectId && t.RemovedAt == null
                          orderby i.Position
                          select new { t.Id, Issue = i }).AsNoTracking().Take(Paging.MaxPageSize).ToListAsync(ct);
        return rows.Select(r => new IssueLink(r.Issue.Code, r.Issue.Names.Current(), r.Id)).ToList();
    }

    /// <summary>Active issues, for the secretariat's tagging form.</summary>
    public async Task<IReadOnlyList<IssueLink>> ActiveAsync(CancellationToken ct)
    {
        var issues = await db.Issues.AsNoTracking().Where(i => i.State == IssueState.Active).ToListAsync(ct);
        var comparer = StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true);
        return issues.Select(i => new IssueLink(i.Code, i.Names.Current(), Guid.Empty)).OrderBy(i => i.Name.Text, comparer).ToList();
    }

    private IssueSummary Summarize(Issue issue, Coverage? cover) => new(issue.Code, issue.ClusterCode, issue.Names.Current(), issue.State.ToCode(),
        issue.SuccessorCode, cover?.Organizations ?? 0, cover?.Instruments ?? 0, cover?.Gaps.ToCodes() ?? [], cover is not { Total: > 0 });

    private sealed record Coverage(int Organizations, int Instruments, GapTypes Gaps)
    {
        public int Total => Organizations + Instruments;
    }

    /// <summary>Per issue (or for one): the active mappings by kind and the union of their gaps,
    /// counted in the database (one row per issue, kind and gap combination).</summary>
    private async Task<Dictionary<string, Coverage>> CoverageAsync(string? code, CancellationToken ct)
    {
        var mappings = db.IssueMappings.Where(m => m.RemovedAt == null);
        if (code is not null) mappings = mappings.Where(m => m.IssueCode == code);
        var rows = await mappings
            .GroupBy(m => new { m.IssueCode, m.Kind, m.Gaps })
            .Select(g => new { g.Key.IssueCode, g.Key.Kind, g.Key.Gaps, Count = g.Count() })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.IssueCode).ToDictionary(g => g.Key, g => new Coverage(
            g.Where(r => r.Kind == MappingKind.Organization).Sum(r => r.Count),
            g.Where(r => r.Kind != MappingKind.Organization).Sum(r => r.Count),
            g.Aggregate(GapTypes.None, (gaps, r) => gaps | r.Gaps)));
    }

    private async Task<IReadOnlyList<MappingView>> MappingsAsync(string code, CancellationToken ct)
    {
        var rows = await (from m in db.IssueMappings
                          where m.IssueCode == code && m.RemovedAt == null
                          join o in db.Organizations on m.OrganizationId equals (Guid?)o.Id into orgs
                          from o in orgs.DefaultIfEmpty()
                          join d in db.Documents on m.DocumentId equals (Guid?)d.Id into docs
                          from d in docs.DefaultIfEmpty()
                          orderby m.Kind, m.MappedAt
                          select new { Mapping = m, Organization = o == null ? null : o.Name, Symbol = d == null ? null : d.Symbol, DocumentTitle = d == null ? null : d.Title })
            .AsNoTracking().Take(Paging.MaxPageSize).ToListAsync(ct);
        return rows.Select(r => new MappingView(r.Mapping.Id, r.Mapping.Kind.ToCode(), r.Mapping.OrganizationId, r.Organization,
            r.Mapping.DocumentId, r.Symbol, r.Mapping.Title ?? r.DocumentTitle, r.Mapping.Url, r.Mapping.StatusNote, r.Mapping.Gaps.ToCodes(),
            r.Mapping.MappedAt)).ToList();
    }

    private async Task<IReadOnlyList<ProposalView>> ProposalViewsAsync(IQueryable<MappingProposal> proposals, CancellationToken ct)
    {
        var rows = await (from p in proposals
                          join o in db.Organizations on p.OrganizationId equals (Guid?)o.Id into orgs
                          from o in orgs.DefaultIfEmpty()
                          join d in db.Documents on p.DocumentId equals (Guid?)d.Id into docs
                          from d in docs.DefaultIfEmpty()
                          select new { Proposal = p, Organization = o == null ? null : o.Name, Symbol = d == null ? null : d.Symbol })
            .AsNoTracking().ToListAsync(ct);
        return rows.Select(r => new ProposalView(r.Proposal.Id, r.Proposal.IssueCode, r.Proposal.Change.ToCode(), r.Proposal.MappingId,
            r.Proposal.Kind?.ToCode(), r.Proposal.OrganizationId, r.Organization, r.Proposal.DocumentId, r.Symbol, r.Proposal.Title, r.Proposal.Url,
            r.Proposal.StatusNote, r.Proposal.Gaps.ToCodes(), r.Proposal.Reason, r.Proposal.ProposerName, r.Proposal.ProposerGroup?.ToCode(),
            r.Proposal.ProposedAt, r.Proposal.State.ToCode(), r.Proposal.DecidedAt, r.Proposal.DecisionReason)).ToList();
    }

    private async Task<IReadOnlyList<TagView>> TaggedAsync(string code, CancellationToken ct)
    {
        var tags = db.IssueTags.Where(t => t.IssueCode == code && t.RemovedAt == null);
        var consultations = await (from t in tags
                                   where t.Subject == TagSubject.Consultation
                                   join c in db.Consultations on t.SubjectId equals c.Id
                                   orderby t.TaggedAt descending
                                   select new TagView(t.Id, "consultation", c.Id, c.Topic, null, t.TaggedAt))
            .Take(ViewListSize).ToListAsync(ct);
        var documents = await (from t in tags
                               where t.Subject == TagSubject.Document
                               join d in db.Documents on t.SubjectId equals d.Id
                               orderby t.TaggedAt descending
                               select new TagView(t.Id, "document", d.Id, d.Title, d.Symbol, t.TaggedAt))
            .Take(ViewListSize).ToListAsync(ct);
        return [.. consultations, .. documents];
    }

    private static TranslationView Translation()
    {
        var language = Languages.ToUnLanguage(CultureInfo.CurrentUICulture);
        var taxonomy = IssueTaxonomy.Instance;
        var source = taxonomy.Translations.GetValueOrDefault(language) ?? taxonomy.Translations["en"];
        return new TranslationView(language, source.Official, source.Source, taxonomy.Source);
    }
}
