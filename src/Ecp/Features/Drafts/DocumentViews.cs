namespace Ecp.Features.Drafts;

// The read models of documents, versions, amendments and comments (DocumentQueries), as the pages and the API show them.

public sealed record CitedBy(Guid DocumentId, string Symbol, string Title, string Paragraph);

public sealed record ParagraphView(string Number, string Label, string Kind, int Level, string Text, IReadOnlyList<string> Cites, IReadOnlyList<CitedBy> CitedBy, Guid Key);

public sealed record VersionSummary(int Number, string Label, DateTimeOffset CirculatedAt, IReadOnlyList<Guid> IncorporatedAmendments);

/// <summary>A version in one language: <see cref="Language"/> is the language shown (the
/// original when the one asked for is missing); <see cref="AvailableLanguages"/> lists the others.</summary>
public sealed record VersionView(int Number, string Label, DateTimeOffset CirculatedAt, IReadOnlyList<Guid> IncorporatedAmendments,
    string Language, bool RequestedLanguageMissing, IReadOnlyList<string> AvailableLanguages, IReadOnlyList<ParagraphView> Paragraphs);

public sealed record BodyRef(Guid Id, string Name, string Acronym);

public sealed record DocumentSummary(Guid Id, string Kind, string Title, string Symbol, BodyRef? Body, string State, int CurrentVersion, DateTimeOffset CreatedAt);

public sealed record DocumentView(Guid Id, string Kind, string Title, string Symbol, BodyRef? Body, string State, string MandateReferences,
    string Language, IReadOnlyList<VersionSummary> Versions, VersionView Version, IReadOnlyList<Guid> Decisions);

public sealed record AmendmentView(Guid Id, int Version, bool AgainstOlderVersion, string Paragraph, string Action, string? Text, string? Explanation,
    Guid ProponentId, string ProponentName, string StakeholderGroup, string? MemberState, DateTimeOffset ProposedAt, string Status,
    string? MergedText, string? Reason, int? IncorporatedInVersion, IReadOnlyList<string>? Cites = null);

public sealed record CommentView(Guid Id, int Version, string Paragraph, Guid AuthorId, string AuthorName, string StakeholderGroup, string? MemberState,
    string Text, DateTimeOffset PostedAt);

public sealed record DiffView(int From, int To, IReadOnlyList<ParagraphDiffView> Paragraphs);

public sealed record ParagraphDiffView(string? FromNumber, string? ToNumber, string Change, IReadOnlyList<WordPieceView> Words);

public sealed record WordPieceView(string Text, string Change);
