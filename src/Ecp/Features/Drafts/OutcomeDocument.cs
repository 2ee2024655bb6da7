using Ecp.Common;

namespace Ecp.Features.Drafts;

public enum DocumentKind
{
    Opinion,
    Recommendation,
    Report,
    Resolution,
    /// <summary>A founding or reference text quoted by others (the Tunis Agenda).</summary>
    ReferenceText,
}

public enum DocumentState
{
    /// <summary>Being negotiated: versions circulate, amendments come in.</summary>
    Negotiating,
    AdoptedByConsensus,
    NotAdoptedDivergentViews,
    Withdrawn,
    /// <summary>A reference text: quoted, never negotiated here.</summary>
    Reference,
}

public enum ParagraphKind
{
    Preambular,
    Operative,
}

/// <summary>
/// A draft outcome document (an Opinion, a recommendation …): a sequence of numbered versions,
/// each immutable once circulated. The next version is made only from the previous one and the
/// amendments the Chair accepted, so what changed and why is always traceable.
/// </summary>
public sealed class OutcomeDocument
{
    public const int TitleMaxLength = 300;
    public const int ParagraphMaxLength = 5000;

    private readonly List<DocumentVersion> versions = [];

    private OutcomeDocument()
    {
        Title = null!;
        Symbol = null!;
        MandateReferences = null!;
        OriginalLanguage = null!;
    }

    public Guid Id { get; private set; }

    public DocumentKind Kind { get; private set; }

    public string Title { get; private set; }

    public string Symbol { get; private set; }

    public Guid? BodyId { get; private set; }

    /// <summary>Document symbols and paragraphs that mandate it, e.g. "A/RES/70/125 ¶65".</summary>
    public string MandateReferences { get; private set; }

    public string OriginalLanguage { get; private set; }

    public DocumentState State { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<DocumentVersion> Versions => versions;

    public DocumentVersion Current => versions.MaxBy(v => v.Number)!;

    public bool IsOpenForAmendment => State == DocumentState.Negotiating;

    /// <summary>The one rule "a closed document takes no more changes": no comment, amendment,
    /// decision on an amendment, next version or decision once its negotiation has ended.</summary>
    public Error? AcceptsChanges() => IsOpenForAmendment ? null : new DocumentClosed();

    /// <summary>The version of that number, if circulated.</summary>
    public DocumentVersion? FindVersion(int number) => versions.FirstOrDefault(v => v.Number == number);

    /// <summary>The version of that number, or the current one when none is named.</summary>
    public DocumentVersion? VersionOrCurrent(int? number) => number is { } n ? FindVersion(n) : Current;

    /// <summary>The paragraph a comment or an amendment is about: its version (the current one when
    /// none is named) and its number; what is not found goes to <paramref name="check"/>.</summary>
    public (DocumentVersion? Version, Paragraph? Paragraph) Locate(int? versionNumber, string? paragraphNumber, Validation check)
    {
        var version = VersionOrCurrent(versionNumber);
        if (version is null)
        {
            check.Add("Version", "Amendment.VersionUnknown");
            return (null, null);
        }
        var paragraph = version.Find(paragraphNumber?.Trim() ?? "");
        if (paragraph is null) check.Add("Paragraph", "Amendment.ParagraphUnknown");
        return (version, paragraph);
    }

    /// <summary>A first draft; refused when its symbol is not a document symbol or it has no paragraph.</summary>
    public static Result<OutcomeDocument> Draft(DocumentKind kind, string title, string symbol, Guid? bodyId, string mandateReferences,
        string originalLanguage, string firstLabel, IReadOnlyList<ParagraphDraft> paragraphs, DateTimeOffset now)
    {
        if (!DocumentSymbol.IsValid(symbol.Trim())) return new ValidationError([new FieldError("Symbol", "Document.SymbolInvalid")]);
        if (paragraphs.Count == 0) return new ValidationError([new FieldError("Paragraphs", "Document.ParagraphsRequired")]);
        var document = new OutcomeDocument
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            Title = title.Trim(),
            Symbol = symbol.Trim(),
            BodyId = bodyId,
            MandateReferences = mandateReferences.Trim(),
            OriginalLanguage = originalLanguage,
            State = kind == DocumentKind.ReferenceText ? DocumentState.Reference : DocumentState.Negotiating,
            CreatedAt = now,
        };
        document.versions.Add(DocumentVersion.Circulate(document.Id, 1, firstLabel, paragraphs.Select(p => p.WithNewKey()).ToList(), [], now));
        return document;
    }

    /// <summary>
    /// Circulates the next version: the current text with every accepted or merged amendment not
    /// yet incorporated applied, in the order they were proposed.
    /// </summary>
    /// <param name="citations">The citations an amendment proposed, by amendment id: a replaced
    /// paragraph takes them instead of its own, an inserted one takes them; absent, a replaced
    /// paragraph keeps its citations and an inserted one has none.</param>
    public Result<DocumentVersion> CirculateNextVersion(string label, IReadOnlyList<Amendment> amendments, DateTimeOffset now,
        IReadOnlyDictionary<Guid, IReadOnlyList<string>>? citations = null)
    {
        if (AcceptsChanges() is { } closed) return closed;
        var current = Current;
        var toApply = amendments
            .Where(a => a.DocumentId == Id && a.Status is AmendmentStatus.Accepted or AmendmentStatus.Merged && a.IncorporatedInVersion is null)
            .OrderBy(a => a.ProposedAt)
            .ToList();
        var paragraphs = current.Paragraphs.OrderBy(p => p.Ordinal).Select(ParagraphDraft.From).ToList();
        // Where the next insertion after a paragraph goes: after the paragraph's own sub-items and
        // after what was inserted there before, so insertions keep their proposal order.
        var insertAfter = new Dictionary<Guid, Guid>();
        foreach (var amendment in toApply)
        {
            var at = paragraphs.FindIndex(p => p.Key == amendment.ParagraphKey);
            if (at < 0) continue; // its paragraph was deleted by an earlier amendment: stays unincorporated, visibly
            var text = amendment.EffectiveText;
            var cites = citations?.GetValueOrDefault(amendment.Id);
            switch (amendment.Action)
            {
                case AmendmentAction.Replace:
                    paragraphs[at] = paragraphs[at] with { Text = text!, Cites = cites ?? paragraphs[at].Cites };
                    break;
                case AmendmentAction.InsertAfter:
                    var anchor = insertAfter.TryGetValue(amendment.ParagraphKey, out var last) ? paragraphs.FindIndex(p => p.Key == last) : at;
                    var end = EndOfBlock(paragraphs, anchor);
                    var inserted = new ParagraphDraft(paragraphs[at].Kind, paragraphs[at].Level, text!, cites ?? [], Guid.CreateVersion7(now));
                    paragraphs.Insert(end + 1, inserted);
                    insertAfter[amendment.ParagraphKey] = inserted.Key;
                    break;
                case AmendmentAction.Delete:
                    // A paragraph goes with its sub-items.
                    paragraphs.RemoveRange(at, EndOfBlock(paragraphs, at) - at + 1);
                    break;
            }
            amendment.IncorporateIn(current.Number + 1);
        }
        if (paragraphs.Count == 0) return new DocumentWouldBeEmpty();
        var next = DocumentVersion.Circulate(Id, current.Number + 1, label, paragraphs, toApply.Select(a => a.Id).ToList(), now);
        versions.Add(next);
        return next;
    }

    /// <summary>The index of the last sub-item of the paragraph at <paramref name="at"/> (itself when none).</summary>
    private static int EndOfBlock(List<ParagraphDraft> paragraphs, int at)
    {
        var end = at;
        while (end + 1 < paragraphs.Count && paragraphs[end + 1].Level > paragraphs[at].Level) end++;
        return end;
    }

    /// <summary>Records how the negotiation ended (called by the decision's close).</summary>
    public void Conclude(DocumentState outcome)
    {
        if (State != DocumentState.Negotiating) throw new InvalidOperationException("Only a document under negotiation concludes.");
        if (outcome is DocumentState.Negotiating or DocumentState.Reference) throw new ArgumentOutOfRangeException(nameof(outcome));
        State = outcome;
    }
}
