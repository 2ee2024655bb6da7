namespace Ecp.Features.Assessments;

// The read models of assessment rounds (AssessmentQueries), as the pages and the API show them.

public sealed record AssessmentSummary(Guid Id, int Number, string Title, DateTimeOffset OpenedAt, DateTimeOffset? ClosesAt, DateTimeOffset? ClosedAt,
    bool IsOpen, int Ratings);

public sealed record AssessmentList(IReadOnlyList<AssessmentSummary> Items, string? Next);

public sealed record DimensionView(string Code, int Position, string? Name);

public sealed record RatingView(Guid Id, string Dimension, int Score, string? Comment, Guid RaterId, string RaterName, string StakeholderGroup,
    string? MemberState, DateTimeOffset RatedAt, DateTimeOffset? SupersededAt);

/// <summary>A round: its dimensions, the standing ratings (one per State or person and dimension) and every rating ever given.</summary>
public sealed record AssessmentView(Guid Id, int Number, string Title, DateTimeOffset OpenedAt, DateTimeOffset? ClosesAt, DateTimeOffset? ClosedAt,
    bool IsOpen, IReadOnlyList<DimensionView> Dimensions, IReadOnlyList<RatingView> Ratings, IReadOnlyList<RatingView> History);

/// <summary>A round's results by dimension and stakeholder group, with the between-group gap defined in
/// <see cref="DivergenceDefinition"/>.</summary>
public sealed record AssessmentResultsView(Guid Id, int Number, string Title, bool IsOpen, string Divergence, string DivergenceDefinition,
    IReadOnlyList<DimensionResult> Dimensions);
