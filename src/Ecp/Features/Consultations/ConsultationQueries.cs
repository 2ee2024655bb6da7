using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

public sealed record QuestionView(int Number, string Text, string Type, IReadOnlyList<string> Options);

public sealed record ExtensionView(DateTimeOffset PreviousClosesAt, DateTimeOffset ClosesAt, string Reason, DateTimeOffset ExtendedAt);

public sealed record ConsultationSummary(Guid Id, string Topic, Guid BodyId, string BodyName, string Phase, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int Contributions);

public sealed record AnswerView(int Question, string Text, IReadOnlyList<int>? Choices = null, int? Scale = null)
{
    public static AnswerView Of(Answer a) => new(a.Question, a.Text, a.Choices, a.Scale);
}

/// <summary>A contribution as the caller may see it: the author is null where they did not
/// consent to be cited (unless the caller is the secretariat or the author); the answers are
/// null while hidden (except for those two).</summary>
public sealed record AttachmentView(Guid Id, string FileName, string MediaType, long Size, string Sha256)
{
    public static AttachmentView Of(ContributionAttachment a) => new(a.Id, a.FileName, a.MediaType, a.Size, a.Sha256);
}

/// <summary>Who the synthesis cited, per stakeholder group. <see cref="NotCited"/> lists at most
/// <see cref="ConsultationQueries.NotCitedListed"/> numbers (the lowest); the counts are complete.</summary>
public sealed record CitationsByGroup(string StakeholderGroup, IReadOnlyList<int> Cited, IReadOnlyList<int> NotCited, int CitedCount, int NotCitedCount);

/// <summary>The current synthesis (its version number counts the revisions) and the earlier versions, newest first, as the record keeps them.</summary>
public sealed record SynthesisView(string Markdown, string Html, DateTimeOffset PublishedAt, IReadOnlyList<int> Cited, IReadOnlyList<CitationsByGroup> ByStakeholderGroup,
    int Version, IReadOnlyList<SynthesisVersionView> EarlierVersions);

/// <summary>An earlier version of a synthesis, read back from its record entry.</summary>
public sealed record SynthesisVersionView(int Version, DateTimeOffset PublishedAt, long RecordSequence, string Markdown, string Html, IReadOnlyList<int> Cited);

public sealed record ContributionView(Guid Id, int Number, Guid? AuthorId, string? AuthorName, string StakeholderGroup, string? MemberState, Guid? OrganizationId,
    string? OrganizationName, string Language, bool ConsentToCite, string Status, string? HiddenReason, string? HiddenNote,
    DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt, int Version, int Words, IReadOnlyList<AnswerView>? Answers,
    IReadOnlyList<AttachmentView>? Attachments,
    [property: System.ComponentModel.Description("\"person\" (named, with consent), \"member-state\" (a government contributor without consent: the State speaks) or \"stakeholder-group\" (the group only).")]
    string AttributedTo);

/// <summary>One version of a contribution; its answers null while it is hidden from the caller.</summary>
public sealed record ContributionVersionView(int Number, string Language, DateTimeOffset SubmittedAt, IReadOnlyList<AnswerView>? Answers);

public sealed record GroupCount(string Group, int Contributions);

/// <summary>One author's share of the words; named as <see cref="PublicAttribution"/> allows (Label is the person's name, or empty).</summary>
public sealed record AuthorShare(string Label, string StakeholderGroup, int Words, double Share, string AttributedTo = "person", string? MemberState = null);

/// <summary>Counts and word shares over every contribution. <see cref="WordShares"/> holds the
/// <see cref="ConsultationQueries.WordSharesListed"/> authors with the most words, of
/// <see cref="Authors"/>.</summary>
public sealed record AttributionView(IReadOnlyList<GroupCount> ByStakeholderGroup, IReadOnlyList<GroupCount> ByRegionalGroup,
    IReadOnlyList<AuthorShare> WordShares, AuthorShare? Dominant, int Total, int Withdrawn, int Hidden, int Authors);

/// <summary>One page of a consultation's contributions, by number; <see cref="Next"/> is the link
/// to the following page (null on the last), <see cref="NextAfter"/> its cursor.</summary>
public sealed record ContributionPage(IReadOnlyList<ContributionView> Contributions, int? NextAfter, string? Next);

/// <summary>A consultation with its totals and the first page of its contributions (or the page
/// after <c>?after=</c>); <see cref="Next"/> links to the following page.</summary>
public sealed record ConsultationView(Guid Id, string Topic, string Description, Guid BodyId, string BodyName, string Phase, string Eligibility,
    IReadOnlyList<string> EligibleGroups, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool AcceptsContributions,
    IReadOnlyList<QuestionView> Questions, IReadOnlyList<ExtensionView> Extensions, AttributionView Attribution,
    IReadOnlyList<ContributionView> Contributions, SynthesisView? Synthesis, int? NextAfter = null, string? Next = null);

/// <summary>A page of consultations, newest first; <see cref="Next"/> is the cursor of the following page.</summary>
public sealed record ConsultationList(IReadOnlyList<ConsultationSummary> Items, string? Next);

/// <summary>Consultations and their contributions, attributed by stakeholder group, shown as the
/// consent of each contributor and the caller's role allow. Nothing here loads every
/// contribution: counts and shares are aggregated by the database, contributions are read a
/// page at a time (keyset on the number, so a page stays the same while others contribute).</summary>
public sealed class ConsultationQueries(AppDbContext db, MemberStateCatalog states, TimeProvider clock)
{
    /// <summary>One author holding more than this share of all words gets a visible warning.</summary>
    public const double DominanceThreshold = 1.0 / 3.0;

    public const int WordSharesListed = 20;
    public const int NotCitedListed = 100;

    /// <summary>Newest first; <paramref name="after"/> is the <see cref="ConsultationList.Next"/> of the previous page.</summary>
    public async Task<ConsultationList> ListAsync(string? after, int? limit, CancellationToken ct)
    {
        var take = Paging.Take(limit);
        var now = clock.GetUtcNow();
        var query = db.Consultations.AsNoTracking().IgnoreAutoIncludes();
        if (Paging.TryParseInstant(after, out var opensAt, out var afterId))
        {
            query = query.Where(c => c.OpensAt < opensAt || (c.OpensAt == opensAt && c.Id.CompareTo(afterId) < 0));
        }
        var consultations = await query.OrderByDescending(c => c.OpensAt).ThenByDescending(c => c.Id).Take(take + 1).ToListAsync(ct);
        var page = consultations.Take(take).ToList();
        var ids = page.Select(c => c.Id).ToList();
        var bodyIds = page.Select(c => c.BodyId).Distinct().ToList();
        var bodies = await db.Bodies.AsNoTracking().Where(b => EF.Parameter(bodyIds).Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var counts = await db.Contributions.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.ConsultationId))
            .GroupBy(c => c.ConsultationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var items = page.Select(c => new ConsultationSummary(c.Id, c.Topic, c.BodyId, bodies.GetValueOrDefault(c.BodyId, ""),
            c.PhaseAt(now).ToCode(), c.OpensAt, c.ClosesAt, counts.GetValueOrDefault(c.Id))).ToList();
        return new ConsultationList(items, consultations.Count > take ? Paging.FormatInstant(page[^1].OpensAt, page[^1].Id) : null);
    }

    public async Task<ConsultationView?> GetAsync(Guid id, Actor viewer, CancellationToken ct) => await GetAsync(id, viewer, null, null, ct);

    public async Task<ConsultationView?> GetAsync(Guid id, Actor viewer, int? after, int? limit, CancellationToken ct)
    {
        var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? null : await ViewAsync(c, viewer, after, limit, clock.GetUtcNow(), ct);
    }

    /// <summary>The consultation as the page shows it, and whether it accepts a contribution of the viewer now
    /// (<see cref="Consultation.AcceptsFrom"/>: the page offers the form only then).</summary>
    public async Task<(ConsultationView View, bool AcceptsViewer)?> GetForViewerAsync(Guid id, Actor viewer, int? after, CancellationToken ct)
    {
        var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var now = clock.GetUtcNow();
        return (await ViewAsync(c, viewer, after, null, now, ct), c.AcceptsFrom(viewer, now) is null);
    }

    private async Task<ConsultationView> ViewAsync(Consultation c, Actor viewer, int? after, int? limit, DateTimeOffset now, CancellationToken ct)
    {
        var id = c.Id;
        var body = await db.Bodies.AsNoTracking().Where(b => b.Id == c.BodyId).Select(b => b.Name).SingleAsync(ct);
        var page = await PageAsync(id, viewer, after, limit, ct);
        var synthesis = await db.Set<Synthesis>().AsNoTracking().FirstOrDefaultAsync(x => x.ConsultationId == id, ct);
        var versions = synthesis is null ? [] : await SynthesisVersionsAsync(id, ct);

        return new ConsultationView(c.Id, c.Topic, c.Description, c.BodyId, body, c.PhaseAt(now).ToCode(),
            c.Eligibility.ToCode(), c.EligibleGroups.Select(g => g.ToCode()).ToList(), c.OpensAt, c.ClosesAt,
            c.AcceptsContributionsAt(now),
            c.Questions.OrderBy(q => q.Number).Select(q => new QuestionView(q.Number, q.Text, q.Type.ToCode(), q.Options)).ToList(),
            c.Extensions.OrderBy(e => e.Number).Select(e => new ExtensionView(e.PreviousClosesAt, e.NewClosesAt, e.Reason, e.ExtendedAt)).ToList(),
            await AttributionAsync(id, ct),
            page.Contributions,
            synthesis is null ? null : new SynthesisView(synthesis.Markdown, synthesis.Html, synthesis.PublishedAt, synthesis.CitedNumbers,
                await CoverageAsync(id, synthesis.CitedNumbers.ToList(), ct),
                Math.Max(1, versions.Count), versions.SkipLast(1).Reverse().ToList()),
            page.NextAfter, page.Next);
    }

    /// <summary>Every published version of the synthesis, oldest first, from the record entries
    /// (which carry the full text): the record is where a revised synthesis keeps its history.</summary>
    private async Task<List<SynthesisVersionView>> SynthesisVersionsAsync(Guid id, CancellationToken ct)
    {
        var entries = await PublishSynthesis.VersionsOnRecord(db, id).AsNoTracking().OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Time, e.Payload }).ToListAsync(ct);
        return entries.Select((e, i) =>
        {
            using var json = System.Text.Json.JsonDocument.Parse(e.Payload);
            var markdown = json.RootElement.GetProperty("markdown").GetString() ?? "";
            return new SynthesisVersionView(i + 1, e.Time, e.Sequence, markdown, Synthesis.Render(markdown), Synthesis.CitationsIn(markdown));
        }).ToList();
    }

    /// <summary>The contributions numbered after <paramref name="after"/>, in order, at most <paramref name="limit"/>.</summary>
    public async Task<ContributionPage> PageAsync(Guid consultationId, Actor viewer, int? after, int? limit, CancellationToken ct)
    {
        var take = Paging.Take(limit);
        var from = after ?? 0;
        var rows = await db.Contributions.AsNoTracking().Where(x => x.ConsultationId == consultationId && x.Number > from)
            .OrderBy(x => x.Number).Take(take + 1).AsSplitQuery().ToListAsync(ct);
        var contributions = rows.Take(take).ToList();
        var orgIds = contributions.Where(x => x.OrganizationId != null).Select(x => x.OrganizationId!.Value).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => EF.Parameter(orgIds).Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var ids = contributions.Select(x => x.Id).ToList();
        // Metadata only: the file bytes are read when a file is downloaded.
        var attachments = (await db.Set<ContributionAttachment>().AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.ContributionId))
                .Select(a => new { a.ContributionId, View = new AttachmentView(a.Id, a.FileName, a.MediaType, a.Size, a.Sha256) }).ToListAsync(ct))
            .ToLookup(a => a.ContributionId, a => a.View);
        int? nextAfter = rows.Count > take ? contributions[^1].Number : null;
        var next = nextAfter is { } n
            ? $"/api/v1/consultations/{consultationId}/contributions?after={n}" + (limit is not null ? $"&limit={take}" : "")
            : null;
        return new ContributionPage(contributions.Select(x => ToView(x, viewer, organizations, attachments[x.Id].ToList())).ToList(), nextAfter, next);
    }

    /// <summary>Every version of a contribution, oldest first, the answers as <see cref="Contribution.IsVisibleTo"/> allows; null if there is none such.</summary>
    public async Task<ContributionVersionView[]?> VersionsAsync(Guid contributionId, Actor viewer, CancellationToken ct)
    {
        var c = await db.Contributions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == contributionId, ct);
        if (c is null) return null;
        var visible = c.IsVisibleTo(viewer);
        return c.Versions.OrderBy(v => v.Number)
            .Select(v => new ContributionVersionView(v.Number, v.Language, v.SubmittedAt, visible ? v.Answers.Select(AnswerView.Of).ToList() : null)).ToArray();
    }

    public ContributionView ToView(Contribution c, Actor viewer, IReadOnlyDictionary<Guid, Organization> organizations, IReadOnlyList<AttachmentView> attachments)
    {
        var privileged = PublicAttribution.SeesAuthor(viewer, c);
        var visible = c.IsVisibleTo(viewer);
        var who = PublicAttribution.Of(c, c.OrganizationId is { } o ? organizations.GetValueOrDefault(o) : null, privileged);
        return new ContributionView(c.Id, c.Number, who.PersonId, who.PersonName, c.Group.ToCode(), who.MemberState,
            who.OrganizationId, who.OrganizationName, c.Language, c.ConsentToCite,
            c.Status.ToCode(), c.HiddenReason is { } r ? r.ToCode() : null, c.HiddenNote,
            c.SubmittedAt, c.UpdatedAt, c.Versions.Count, c.WordCount,
            visible ? c.Current.Answers.Select(AnswerView.Of).ToList() : null,
            visible ? attachments : null,
            who.To.ToCode());
    }

    /// <summary>
    /// Counts by stakeholder group and regional group (hidden contributions stay counted;
    /// withdrawn ones are counted apart), and each author's share of all words contributed,
    /// all aggregated by the database.
    /// </summary>
    private async Task<AttributionView> AttributionAsync(Guid consultationId, CancellationToken ct)
    {
        var all = db.Contributions.AsNoTracking().IgnoreAutoIncludes().Where(c => c.ConsultationId == consultationId);
        var counted = all.Where(c => c.Status == ContributionStatus.Active);
        var tallies = await all.GroupBy(c => new { c.Group, c.Status, Hidden = c.HiddenReason != null })
            .Select(g => new { g.Key.Group, g.Key.Status, g.Key.Hidden, Count = g.Count(), Words = g.Sum(c => c.WordCount) })
            .ToListAsync(ct);
        var active = tallies.Where(t => t.Status == ContributionStatus.Active).ToList();
        var byGroup = StakeholderGroups.All.Select(g => new GroupCount(g.ToCode(), active.Where(t => t.Group == g).Sum(t => t.Count))).ToList();

        // Where a contribution is from: its Member State, else its organization's country.
        var places = await (from c in counted
                            join o in db.Organizations on c.OrganizationId equals (Guid?)o.Id into orgs
                            from o in orgs.DefaultIfEmpty()
                            group c by new { c.MemberStateCode, Country = o == null ? null : o.CountryCode } into g
                            select new { g.Key.MemberStateCode, g.Key.Country, Count = g.Count() }).ToListAsync(ct);
        var regions = places.GroupBy(p => states.Find(p.MemberStateCode ?? p.Country)?.RegionalGroup.ToCode() ?? "none")
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Count));
        var byRegion = RegionalGroups.All.Select(g => g.ToCode()).Append("none")
            .Select(code => new GroupCount(code, regions.GetValueOrDefault(code))).ToList();

        var totalWords = active.Sum(t => t.Words);
        var top = await counted.GroupBy(c => c.AuthorId)
            .Select(g => new { AuthorId = g.Key, Words = g.Sum(c => c.WordCount), Unconsented = g.Count(c => !c.ConsentToCite), First = g.Min(c => c.Number) })
            .OrderByDescending(x => x.Words).ThenBy(x => x.First).Take(WordSharesListed).ToListAsync(ct);
        var authors = await counted.Select(c => c.AuthorId).Distinct().CountAsync(ct);
        var firsts = top.Select(t => t.First).ToList();
        var named = await all.Where(c => EF.Parameter(firsts).Contains(c.Number))
            .Select(c => new { c.AuthorId, c.AuthorName, c.Group, c.MemberStateCode }).ToDictionaryAsync(c => c.AuthorId, ct);
        var shares = top.Select(t =>
        {
            // Named only if every contribution of the author may name them.
            var n = named[t.AuthorId];
            var who = PublicAttribution.Of(t.Unconsented == 0, n.Group, n.MemberStateCode, n.AuthorId, n.AuthorName);
            return new AuthorShare(who.PersonName ?? "", who.Group.ToCode(), t.Words, totalWords == 0 ? 0 : (double)t.Words / totalWords,
                who.To.ToCode(), who.MemberState);
        }).ToList();
        var dominant = authors > 1 && shares.Count > 0 && shares[0].Share > DominanceThreshold ? shares[0] : null;
        return new AttributionView(byGroup, byRegion, shares, dominant, active.Sum(t => t.Count),
            tallies.Where(t => t.Status == ContributionStatus.Withdrawn).Sum(t => t.Count), tallies.Where(t => t.Hidden).Sum(t => t.Count), authors);
    }

    /// <summary>Per stakeholder group, which contributions the synthesis cited and which it did not.</summary>
    private async Task<IReadOnlyList<CitationsByGroup>> CoverageAsync(Guid consultationId, List<int> cited, CancellationToken ct)
    {
        var all = db.Contributions.AsNoTracking().IgnoreAutoIncludes().Where(c => c.ConsultationId == consultationId);
        var counts = await all.GroupBy(c => new { c.Group, Cited = EF.Parameter(cited).Contains(c.Number) })
            .Select(g => new { g.Key.Group, g.Key.Cited, Count = g.Count() }).ToListAsync(ct);
        var citedByGroup = (await all.Where(c => EF.Parameter(cited).Contains(c.Number)).OrderBy(c => c.Number)
            .Select(c => new { c.Group, c.Number }).ToListAsync(ct)).ToLookup(c => c.Group, c => c.Number);
        var result = new List<CitationsByGroup>();
        foreach (var g in StakeholderGroups.All.Where(g => counts.Any(x => x.Group == g)))
        {
            var notCited = await all.Where(c => c.Group == g && !EF.Parameter(cited).Contains(c.Number)).OrderBy(c => c.Number)
                .Select(c => c.Number).Take(NotCitedListed).ToListAsync(ct);
            result.Add(new CitationsByGroup(g.ToCode(), citedByGroup[g].ToList(), notCited,
                counts.Where(x => x.Group == g && x.Cited).Sum(x => x.Count), counts.Where(x => x.Group == g && !x.Cited).Sum(x => x.Count)));
        }
        return result;
    }
}
