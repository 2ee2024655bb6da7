namespace Ecp.Features.Issues;

/// <summary>A name as shown: the text and the language it is in ("en" when the asked language has
/// no translation, so a page can say so).</summary>
public sealed record NameView(string Text, string Language);

/// <summary>An issue on the map: what addresses it at a glance. Uncovered: nothing is mapped to it.</summary>
public sealed record IssueSummary(string Code, string Cluster, NameView Name, string State, string? Successor,
    int Organizations, int Instruments, IReadOnlyList<string> Gaps, bool Uncovered);

public sealed record ClusterView(string Code, NameView Name, IReadOnlyList<IssueSummary> Issues);

/// <summary>The whole map, with where its names come from.</summary>
public sealed record IssueMapView(IReadOnlyList<ClusterView> Clusters, int Uncovered, TranslationView Translation);

/// <summary>Whether the names in the page's language are official, and their source.</summary>
public sealed record TranslationView(string Language, bool Official, string Source, string Document);

public sealed record MappingView(Guid Id, string Kind, Guid? OrganizationId, string? OrganizationName, Guid? DocumentId, string? DocumentSymbol,
    string? Title, string? Url, string? StatusNote, IReadOnlyList<string> Gaps, DateTimeOffset MappedAt);

public sealed record ProposalView(Guid Id, string Issue, string Change, Guid? MappingId, string? Kind, Guid? OrganizationId, string? OrganizationName,
    Guid? DocumentId, string? DocumentSymbol, string? Title, string? Url, string? StatusNote, IReadOnlyList<string> Gaps, string Reason,
    string ProposerName, string? ProposerGroup, DateTimeOffset ProposedAt, string State, DateTimeOffset? DecidedAt, string? DecisionReason);

/// <summary>
/// One stakeholder group's standing assessments of an issue's scope: how many voices said each
/// answer. Government counts Member States (one voice each), the other groups count people.
/// There is deliberately no figure across groups.
/// </summary>
public sealed record ScopeDistribution(string StakeholderGroup, int InternationalPublicPolicy, int NationalPublicPolicy, int TechnicalOperational)
{
    public int Voices => InternationalPublicPolicy + NationalPublicPolicy + TechnicalOperational;
}

public sealed record ScopeAssessmentView(Guid Id, string Issue, string StakeholderGroup, string? MemberState, string? MemberStateName,
    Guid PersonId, string PersonName, string Scope, string Reason, DateTimeOffset AssessedAt, DateTimeOffset? SupersededAt);

/// <summary>A consultation or document tagged with the issue.</summary>
public sealed record TagView(Guid Id, string Subject, Guid SubjectId, string Title, string? Symbol, DateTimeOffset TaggedAt);

/// <summary>A tag seen from the consultation or document: the issue it links to.</summary>
public sealed record IssueLink(string Code, NameView Name, Guid TagId);

public sealed record IssueView(string Code, string Cluster, NameView ClusterName, NameView Name, IReadOnlyDictionary<string, string> Names,
    string State, string? Successor, DateTimeOffset? EndedAt, string? EndReason, bool Uncovered, IReadOnlyList<string> Gaps,
    IReadOnlyList<MappingView> Mappings, IReadOnlyList<ScopeDistribution> Scope, IReadOnlyList<ProposalView> PendingProposals,
    int PendingProposalCount, IReadOnlyList<TagView> Tagged, TranslationView Translation);
