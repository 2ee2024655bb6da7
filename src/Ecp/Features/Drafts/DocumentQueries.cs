using Ecp.Data;
using Ecp.Features.Bodies;
using Ecp.Features.Decisions;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Drafts;
/// <summary>Read models of documents, versions, amendments and comments, shared by pages and API.</summary>
public sealed class DocumentQueries(AppDbContext db)
{
    /// <summary>Outcome documents by symbol, a page at a time (keyset on symbol and id); <c>Next</c> is the cursor of the following page.</summary>
    public async Task<(IReadOnlyList<DocumentSummary> Items, string? Next)> ListAsync(Guid? bodyId, string? state, string? after, int? limit, CancellationToken ct)
    {
        var take = Common.Paging.Take(limit);
        var query = db.Documents.AsNoTracking().Where(d => d.Kind != DocumentKind.ReferenceText);
        if (bodyId is { } b) query = query.Where(d => d.BodyId == b);
        if (Codes.Parse<DocumentState>(state) is { } s) query = query.Where(d => d.State == s);
        if (Common.Paging.TryParse(after, out var symbol, out var afterId))
        {
            query = query.Where(d => d.Symbol.CompareTo(symbol) > 0 || (d.Symbol == symbol && d.Id.CompareTo(afterId) > 0));
        }
        var rows = await query.OrderBy(d => d.Symbol).ThenBy(d => d.Id).Take(take + 1).Include(d => d.Versions).AsSplitQuery().ToListAsync(ct);
        var (documents, next) = Common.Paging.Split(rows, take, d => Common.Paging.Format(d.Symbol, d.Id));
        var bodies = await BodiesAsync(documents.Select(d => d.BodyId), ct);
        return (documents.Select(d => new DocumentSummary(d.Id, d.Kind.ToCode(), d.Title, d.Symbol, BodyOf(bodies, d.BodyId),
            d.State.ToCode(), d.Current.Number, d.CreatedAt)).ToList(), next);
    }

    public async Task<IReadOnlyList<DocumentSummary>> ReferenceTextsAsync(CancellationToken ct)
    {
        var documents = await db.Documents.AsNoTracking().Include(d => d.Versions).Where(d => d.Kind == DocumentKind.ReferenceText).OrderBy(d => d.Symbol)
            .Take(Common.Paging.MaxPageSize).ToListAsync(ct);
        return documents.Select(d => new DocumentSummary(d.Id, d.Kind.ToCode(), d.Title, d.Symbol, null, d.State.ToCode(), d.Current.Number, d.CreatedAt)).ToList();
    }

    public async Task<DocumentView?> GetAsync(Guid id, int? versionNumber, CancellationToken ct, string? language = null)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null) return null;
        var version = document.VersionOrCurrent(versionNumber);
        if (version is null) return null;
        var bodies = await BodiesAsync([document.BodyId], ct);
        var citedBy = await CitedByAsync(document.Symbol, ct);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.DocumentId == id).OrderBy(d => d.OpenedAt).Select(d => d.Id).ToListAsync(ct);
        var translations = await db.ParagraphTranslations.AsNoTracking().Where(t => t.VersionId == version.Id).ToListAsync(ct);
        var available = translations.Select(t => t.Language).Append(document.OriginalLanguage).Distinct().ToList();
        var shown = language is not null && available.Contains(language) ? language : document.OriginalLanguage;
        var texts = translations.Where(t => t.Language == shown).ToDictionary(t => t.ParagraphKey, t => t.Text);
        return new DocumentView(document.Id, document.Kind.ToCode(), document.Title, document.Symbol, BodyOf(bodies, document.BodyId),
            document.State.ToCode(), document.MandateReferences, document.OriginalLanguage,
            document.Versions.OrderBy(v => v.Number).Select(v => new VersionSummary(v.Number, v.Label, v.CirculatedAt, v.IncorporatedAmendmentIds)).ToList(),
            ToView(version, citedBy, shown, language is not null && language != shown, available, texts), decisions);
    }

    /// <summary>The amendments proposed to a document, in the order proposed; null when there is no such document.</summary>
    public async Task<IReadOnlyList<AmendmentView>?> AmendmentsAsync(Guid documentId, CancellationToken ct)
    {
        var current = await db.Documents.AsNoTracking().Where(d => d.Id == documentId).Select(d => (int?)d.Versions.Max(v => v.Number)).FirstOrDefaultAsync(ct);
        if (current is null) return null;
        var rows = await db.Amendments.AsNoTracking().Where(a => a.DocumentId == documentId).OrderBy(a => a.ProposedAt).ToListAsync(ct);
        var cites = await AmendmentCitations.OnRecordAsync(db, rows.Select(a => a.Id).ToList(), ct);
        return rows.Select(a => new AmendmentView(a.Id, a.VersionNumber, a.VersionNumber < current && a.Status == AmendmentStatus.Proposed,
            a.ParagraphNumber, a.Action.ToCode(), a.ProposedText, a.Explanation, a.ProponentId, a.ProponentName,
            a.ProponentGroup.ToCode(), a.MemberStateCode, a.ProposedAt, a.Status.ToCode(),
            a.MergedText, a.DecisionReason, a.IncorporatedInVersion, cites.GetValueOrDefault(a.Id))).ToList();
    }

    /// <summary>The comments on a document's paragraphs, in the order posted; null when there is no such document.</summary>
    public async Task<IReadOnlyList<CommentView>?> CommentsAsync(Guid documentId, CancellationToken ct)
        => !await db.Documents.AnyAsync(d => d.Id == documentId, ct) ? null : (await db.ParagraphComments.AsNoTracking().Where(c => c.DocumentId == documentId).OrderBy(c => c.PostedAt).ToListAsync(ct))
            .Select(c => new CommentView(c.Id, c.VersionNumber, c.ParagraphNumber, c.AuthorId, c.AuthorName,
                c.AuthorGroup.ToCode(), c.MemberStateCode, c.Text, c.PostedAt)).ToList();

    public async Task<DiffView?> DiffAsync(Guid documentId, int from, int to, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == documentId, ct);
        var a = document?.FindVersion(from);
        var b = document?.FindVersion(to);
        if (a is null || b is null) return null;
        return new DiffView(from, to, VersionDiff.Compare(a, b).Select(p => new ParagraphDiffView(p.FromNumber, p.ToNumber,
            p.Change.ToCode(), p.Words.Select(w => new WordPieceView(w.Text, w.Change.ToCode())).ToList())).ToList());
    }

    /// <summary>Who cites the paragraphs of the document with this symbol ("cited by" back-links).</summary>
    private async Task<ILookup<string, CitedBy>> CitedByAsync(string symbol, CancellationToken ct)
    {
        var prefix = symbol + "#";
        // Citations of the current versions only: what the documents say now.
        // Only the paragraphs whose citations mention the symbol leave the database (the column
        // holds "SYMBOL#NUMBER" lines behind a converter, so EF cannot filter it itself); the exact
        // match is made below.
        var pattern = "%" + prefix.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
        var citing = db.Set<Paragraph>().FromSql($"SELECT * FROM \"Paragraph\" WHERE \"Cites\" LIKE {pattern} ESCAPE '\\'");
        var rows = await (from p in citing.AsNoTracking()
                          join v in db.Set<DocumentVersion>().AsNoTracking() on p.VersionId equals v.Id
                          join d in db.Documents.AsNoTracking() on v.DocumentId equals d.Id
                          where v.Number == d.Versions.Max(x => x.Number)
                          select new { p.Cites, p.Number, d.Id, d.Symbol, d.Title }).ToListAsync(ct);
        return rows.SelectMany(r => r.Cites.Where(c => c.StartsWith(prefix, StringComparison.Ordinal))
                .Select(c => (Target: c[prefix.Length..], By: new CitedBy(r.Id, r.Symbol, r.Title, r.Number))))
            .ToLookup(x => x.Target, x => x.By);
    }

    private static VersionView ToView(DocumentVersion v, ILookup<string, CitedBy> citedBy, string language, bool missing,
        IReadOnlyList<string> available, IReadOnlyDictionary<Guid, string> texts)
        => new(v.Number, v.Label, v.CirculatedAt, v.IncorporatedAmendmentIds, language, missing,
            Languages.All.Where(available.Contains).ToList(),
            v.Paragraphs.OrderBy(p => p.Ordinal).Select(p => new ParagraphView(p.Number, p.Label, p.Kind.ToCode(), p.Level,
                texts.GetValueOrDefault(p.Key, p.Text), p.Cites, citedBy[p.Number].ToList(), p.Key)).ToList());

    /// <summary>The bodies of the given ids only.</summary>
    private async Task<Dictionary<Guid, Body>> BodiesAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return await db.Bodies.AsNoTracking().Where(b => EF.Parameter(wanted).Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
    }

    private static BodyRef? BodyOf(Dictionary<Guid, Body> bodies, Guid? id)
        => id is { } b && bodies.TryGetValue(b, out var body) ? new BodyRef(body.Id, body.Name, body.Acronym) : null;
}
