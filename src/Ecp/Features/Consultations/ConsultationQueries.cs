using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

public sealed record QuestionView(int Number, string Text, string Type, IReadOnlyList<string> Options);

public sealed record ExtensionView(DateTimeOffset PreviousClosesAt, DateTimeOffset ClosesAt, string Reason, DateTimeOffset ExtendedAt);

public sealed record ConsultationSummary(Guid Id, string Topic, Guid BodyId, string BodyName, string Phase, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int Contributions);

public sealed record AnswerView(int Question, string Text, IReadOnlyList<int>? Choices = null, int? Scale = null);

/// <summary>A contribution as the caller may see it: the author is null where they did not
/// consent to be cited (unless the caller is the secretariat or the author); the answers are
/// null while hidden (except for those two).</summary>
public sealed record AttachmentView(Guid Id, string FileName, string MediaType, long Size, string Sha256)
{
    public static AttachmentView Of(ContributionAttachment a) => new(a.Id, a.FileName, a.MediaType, a.Size, a.Sha256);
}

public sealed record CitationsByGroup(string StakeholderGroup, IReadOnlyList<int> Cited, IReadOnlyList<int> NotCited);

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

public sealed record GroupCount(string Group, int Contributions);

/// <summary>One author's share of the words; named as <see cref="PublicAttribution"/> allows (Label is the person's name, or empty).</summary>
public sealed record AuthorShare(string Label, string StakeholderGroup, int Words, double Share, string AttributedTo = "person", string? MemberState = null);

public sealed record AttributionView(IReadOnlyList<GroupCount> ByStakeholderGroup, IReadOnlyList<GroupCount> ByRegionalGroup,
    IReadOnlyList<AuthorShare> WordShares, AuthorShare? Dominant, int Total, int Withdrawn, int Hidden);

public sealed record ConsultationView(Guid Id, string Topic, string Description, Guid BodyId, string BodyName, string Phase, string Eligibility,
    IReadOnlyList<string> EligibleGroups, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool AcceptsContributions,
    IReadOnlyList<QuestionView> Questions, IReadOnlyList<ExtensionView> Extensions, AttributionView Attribution,
    IReadOnlyList<ContributionView> Contributions, SynthesisView? Synthesis);

/// <summary>Consultations and their contributions, attributed by stakeholder group, shown as the
/// consent of each contributor and the caller's role allow.</summary>
public sealed class ConsultationQueries(AppDbContext db, MemberStateCatalog states, TimeProvider clock)
{
    /// <summary>One author holding more than this share of all words gets a visible warning.</summary>
    public const double DominanceThreshold = 1.0 / 3.0;

    public async Task<IReadOnlyList<ConsultationSummary>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var consultations = await db.Consultations.AsNoTracking().OrderByDescending(c => c.OpensAt).ToListAsync(ct);
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var counts = await db.Contributions.AsNoTracking().GroupBy(c => c.ConsultationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return consultations.Select(c => new ConsultationSummary(c.Id, c.Topic, c.BodyId, bodies.GetValueOrDefault(c.BodyId, ""),
            ConsultationCodes.ToCode(c.PhaseAt(now)), c.OpensAt, c.ClosesAt, counts.GetValueOrDefault(c.Id))).ToList();
    }

    public async Task<ConsultationView?> GetAsync(Guid id, Actor viewer, CancellationToken ct)
    {
        var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var now = clock.GetUtcNow();
        var body = await db.Bodies.AsNoTracking().Where(b => b.Id == c.BodyId).Select(b => b.Name).SingleAsync(ct);
        var contributions = await db.Contributions.AsNoTracking().Where(x => x.ConsultationId == id).OrderBy(x => x.SubmittedAt).ToListAsync(ct);
        var orgIds = contributions.Where(x => x.OrganizationId != null).Select(x => x.OrganizationId!.Value).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var ids = contributions.Select(x => x.Id).ToList();
        // Metadata only: the file bytes are read when a file is downloaded.
        var attachments = (await db.Set<ContributionAttachment>().AsNoTracking().Where(a => ids.Contains(a.ContributionId))
                .Select(a => new { a.ContributionId, View = new AttachmentView(a.Id, a.FileName, a.MediaType, a.Size, a.Sha256) }).ToListAsync(ct))
            .ToLookup(a => a.ContributionId, a => a.View);
        var synthesis = await db.Set<Synthesis>().AsNoTracking().FirstOrDefaultAsync(x => x.ConsultationId == id, ct);
        var versions = synthesis is null ? [] : await SynthesisVersionsAsync(id, ct);

        return new ConsultationView(c.Id, c.Topic, c.Description, c.BodyId, body, ConsultationCodes.ToCode(c.PhaseAt(now)),
            ConsultationCodes.ToCode(c.Eligibility), c.EligibleGroups.Select(g => g.ToCode()).ToList(), c.OpensAt, c.ClosesAt,
            c.AcceptsContributionsAt(now),
            c.Questions.OrderBy(q => q.Number).Select(q => new QuestionView(q.Number, q.Text, ConsultationCodes.ToCode(q.Type), q.Options)).ToList(),
            c.Extensions.OrderBy(e => e.Number).Select(e => new ExtensionView(e.PreviousClosesAt, e.NewClosesAt, e.Reason, e.ExtendedAt)).ToList(),
            Attribution(contributions, organizations),
            contributions.Select(x => ToView(x, viewer, organizations, attachments[x.Id].ToList())).ToList(),
            synthesis is null ? null : new SynthesisView(synthesis.Markdown, synthesis.Html, synthesis.PublishedAt, synthesis.CitedNumbers,
                StakeholderGroups.All.Select(g => contributions.Where(x => x.Group == g).ToList())
                    .Where(inGroup => inGroup.Count > 0)
                    .Select(inGroup => new CitationsByGroup(inGroup[0].Group.ToCode(),
                        inGroup.Where(x => synthesis.CitedNumbers.Contains(x.Number)).Select(x => x.Number).ToList(),
                        inGroup.Where(x => !synthesis.CitedNumbers.Contains(x.Number)).Select(x => x.Number).ToList()))
                    .ToList(),
                Math.Max(1, versions.Count), versions.SkipLast(1).Reverse().ToList()));
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

    public ContributionView ToView(Contribution c, Actor viewer, IReadOnlyDictionary<Guid, Organization> organizations, IReadOnlyList<AttachmentView> attachments)
    {
        var privileged = PublicAttribution.SeesAuthor(viewer, c);
        var who = PublicAttribution.Of(c, c.OrganizationId is { } o ? organizations.GetValueOrDefault(o) : null, privileged);
        return new ContributionView(c.Id, c.Number, who.PersonId, who.PersonName, c.Group.ToCode(), who.MemberState,
            who.OrganizationId, who.OrganizationName, c.Language, c.ConsentToCite,
            c.Status.ToString().ToLowerInvariant(), c.HiddenReason is { } r ? ConsultationCodes.ToCode(r) : null, c.HiddenNote,
            c.SubmittedAt, c.UpdatedAt, c.Versions.Count, c.WordCount,
            c.IsHidden && !privileged ? null : c.Current.Answers.Select(a => new AnswerView(a.Question, a.Text, a.Choices, a.Scale)).ToList(),
            c.IsHidden && !privileged ? null : attachments,
            PublicAttribution.ToCode(who.To));
    }

    /// <summary>
    /// Counts by stakeholder group and regional group (hidden contributions stay counted;
    /// withdrawn ones are counted apart), and each author's share of all words contributed.
    /// </summary>
    private AttributionView Attribution(IReadOnlyList<Contribution> all, IReadOnlyDictionary<Guid, Organization> organizations)
    {
        var counted = all.Where(c => c.Status == ContributionStatus.Active).ToList();
        var byGroup = StakeholderGroups.All.Select(g => new GroupCount(g.ToCode(), counted.Count(c => c.Group == g))).ToList();
        string RegionOf(Contribution c)
        {
            var code = c.MemberStateCode ?? (c.OrganizationId is { } o && organizations.TryGetValue(o, out var org) ? org.CountryCode : null);
            return states.Find(code)?.RegionalGroup.ToCode() ?? "none";
        }
        var byRegion = RegionalGroups.All.Select(g => g.ToCode()).Append("none")
            .Select(code => new GroupCount(code, counted.Count(c => RegionOf(c) == code))).ToList();
        var totalWords = counted.Sum(c => c.WordCount);
        var shares = counted.GroupBy(c => c.AuthorId)
            .Select(g =>
            {
                // Named only if every contribution of the author may name them.
                var who = g.Select(c => PublicAttribution.Of(c, null)).MinBy(a => a.To == AttributedTo.Person ? 1 : 0)!;
                var words = g.Sum(c => c.WordCount);
                return new AuthorShare(who.PersonName ?? "", who.Group.ToCode(), words, totalWords == 0 ? 0 : (double)words / totalWords,
                    PublicAttribution.ToCode(who.To), who.MemberState);
            })
            .OrderByDescending(s => s.Words).ToList();
        var dominant = shares.Count > 1 && shares[0].Share > DominanceThreshold ? shares[0] : null;
        return new AttributionView(byGroup, byRegion, shares, dominant, counted.Count,
            all.Count(c => c.Status == ContributionStatus.Withdrawn), all.Count(c => c.IsHidden));
    }
}
