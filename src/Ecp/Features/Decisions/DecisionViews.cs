using Ecp.Features.Drafts;

namespace Ecp.Features.Decisions;

// The read models of a decision (DecisionQueries), as the page and the API show them.

public sealed record PositionView(Guid Id, string MemberState, string MemberStateName, string Position, string? Statement,
    Guid DelegateId, string DelegateName, DateTimeOffset StatedAt, DateTimeOffset? SupersededAt);

public sealed record RegionalPositions(string RegionalGroup, IReadOnlyList<PositionView> Positions, IReadOnlyList<string> MembersWithoutPosition);

public sealed record AdvisoryViewView(Guid Id, Guid AuthorId, string AuthorName, string StakeholderGroup, string Stance, string Text, DateTimeOffset StatedAt);

public sealed record GroupViews(string StakeholderGroup, IReadOnlyList<AdvisoryViewView> Views);

public sealed record DecisionView(Guid Id, Guid DocumentId, string Symbol, string Title, int Version, BodyRef Body, string MembershipRule,
    DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, string? Outcome,
    IReadOnlyList<RegionalPositions> PositionsByRegionalGroup, IReadOnlyList<PositionView> Reservations, IReadOnlyList<PositionView> Objections,
    IReadOnlyList<PositionView> History, IReadOnlyList<GroupViews> AdvisoryViews);
