using Ecp.Features.Registry;

namespace Ecp.Features.Assessments;

/// <summary>One participant's score of one dimension of a round; superseded when the same State (for
/// governments) or the same person (for the others) rates the dimension again.</summary>
public sealed class Rating
{
    private Rating()
    {
        DimensionCode = null!;
        RaterName = null!;
    }

    internal Rating(Guid roundId, string dimensionCode, int score, string? comment, Guid raterId, string raterName,
        StakeholderGroup group, string? memberStateCode, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        RoundId = roundId;
        DimensionCode = dimensionCode;
        Score = score;
        Comment = comment;
        RaterId = raterId;
        RaterName = raterName;
        StakeholderGroup = group;
        MemberStateCode = memberStateCode;
        RatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid RoundId { get; private set; }

    public string DimensionCode { get; private set; }

    public int Score { get; private set; }

    public string? Comment { get; private set; }

    public Guid RaterId { get; private set; }

    public string RaterName { get; private set; }

    public StakeholderGroup StakeholderGroup { get; private set; }

    /// <summary>The State a government's rating speaks for; null for the other groups.</summary>
    public string? MemberStateCode { get; private set; }

    public DateTimeOffset RatedAt { get; private set; }

    public DateTimeOffset? SupersededAt { get; private set; }

    /// <summary>Whether this rating is the voice of <paramref name="state"/> (a government) or else of <paramref name="personId"/>.</summary>
    internal bool SpeaksFor(string? state, Guid personId) => state is not null ? MemberStateCode == state : MemberStateCode is null && RaterId == personId;

    internal void Supersede(DateTimeOffset now) => SupersededAt = now;
}
