using System.Linq.Expressions;
using Ecp.Common;
using Ecp.Features.Registry;

namespace Ecp.Features.Assessments;

/// <summary>
/// A round of the assessment of the implementation of enhanced cooperation: the secretariat opens
/// it on named dimensions and closes it; meanwhile each accredited participant rates each dimension
/// from 1 to 5. Governments speak with one voice: a State holds one standing rating per dimension,
/// whichever of its delegates gave it; anyone else holds one of their own. A later rating replaces
/// the earlier one, which is kept (superseded) as history.
/// </summary>
public sealed class AssessmentRound
{
    public const int TitleMaxLength = 300;
    public const int CommentMaxLength = 2000;
    public const int DimensionNameMaxLength = 200;
    public const int CodeMaxLength = 40;
    public const int MaxDimensions = 20;
    public const int LowestScore = 1;
    public const int HighestScore = 5;

    /// <summary>The default dimensions, in order: the aims of enhanced cooperation (Tunis Agenda ¶69-71)
    /// as the CSTD's working groups phrased them. Their names are UI strings ("AssessmentDimension.{code}").</summary>
    public static readonly IReadOnlyList<string> DefaultDimensions =
        ["all-stakeholders-in-roles", "equal-footing", "responsiveness", "speed", "reporting"];

    private readonly List<AssessmentDimension> dimensions = [];
    private readonly List<Rating> ratings = [];

    private AssessmentRound()
    {
        Title = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>1 for the first round, and so on: the order of the trend.</summary>
    public int Number { get; private set; }

    public string Title { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>When the round stops taking ratings, if the secretariat set a time; it may close it earlier.</summary>
    public DateTimeOffset? ClosesAt { get; private set; }

    /// <summary>When the secretariat closed the round.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Whether the round takes ratings at <paramref name="now"/>: not closed, and its closing time (if any) not reached.</summary>
    public bool IsOpenAt(DateTimeOffset now) => ClosedAt is null && (ClosesAt is null || ClosesAt > now);

    /// <summary><see cref="IsOpenAt"/> as a query (the same rule), so the list can put the open rounds first.</summary>
    public static Expression<Func<AssessmentRound, bool>> OpenAt(DateTimeOffset now) => r => r.ClosedAt == null && (r.ClosesAt == null || r.ClosesAt > now);

    public IReadOnlyList<AssessmentDimension> Dimensions => dimensions;

    /// <summary>Every rating ever given, superseded ones included (history kept).</summary>
    public IReadOnlyList<Rating> AllRatings => ratings;

    /// <summary>The one standing rating of each State (governments) or person (the others), per dimension.</summary>
    public IEnumerable<Rating> Ratings => ratings.Where(r => r.SupersededAt is null);

    /// <summary>A dimension the secretariat names for a round instead of the default set.</summary>
    public sealed record DimensionInput(string? Code, string? Name);

    /// <summary>The secretariat opens round <paramref name="number"/> with a title, an optional announced
    /// close and either its own dimensions or, when none are given, the default set.</summary>
    public static Result<AssessmentRound> Open(int number, string? title, DateTimeOffset? closesAt, IReadOnlyList<DimensionInput>? custom, DateTimeOffset now)
    {
        var check = new Validation().RequiredText("Title", title, TitleMaxLength);
        if (closesAt is { } closes && closes <= now) check.Add("ClosesAt", "Assessment.ClosesInPast");
        var given = custom ?? [];
        if (given.Count > MaxDimensions) check.Add("Dimensions", "Assessment.TooManyDimensions", MaxDimensions);
        for (var i = 0; i < given.Count && i < MaxDimensions; i++)
        {
            // A JSON client may send null items despite the type.
            if (given[i] is not { } d)
            {
                check.Add($"Dimensions[{i}]", "Validation.Required");
                continue;
            }
            if (d.Code is not { } code || !IsCode(code) || given.Take(i).Any(o => o?.Code == code)) check.Add($"Dimensions[{i}].Code", "Assessment.DimensionCodeInvalid");
            check.RequiredText($"Dimensions[{i}].Name", d.Name, DimensionNameMaxLength);
        }
        if (!check.IsValid) return check.ToError();
        var round = new AssessmentRound
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            Title = title!.Trim(),
            OpenedAt = now,
            ClosesAt = closesAt,
        };
        var chosen = given.Count > 0
            ? given.Select(d => (d.Code!, (string?)d.Name!.Trim()))
            : DefaultDimensions.Select(code => (code, (string?)null));
        round.dimensions.AddRange(chosen.Select((d, i) => new AssessmentDimension(d.Item1, i + 1, d.Item2)));
        return round;
    }

    /// <summary>
    /// An accredited participant rates one dimension. Refused for anyone not accredited, after the
    /// close, and for a score outside 1-5. The rating replaces the standing one of the same State
    /// (any of its delegates) or of the same person; that one stays, superseded.
    /// </summary>
    public Result<Rating> Rate(Actor rater, string? dimension, int? score, string? comment, DateTimeOffset now)
    {
        if (rater.ParticipantGroup is not { } group) return new OnlyParticipantsRate();
        if (!IsOpenAt(now)) return new AssessmentClosed();
        var check = new Validation();
        if (dimensions.All(d => d.Code != dimension)) check.Add("Dimension", "Assessment.DimensionUnknown");
        if (score is not (>= LowestScore and <= HighestScore)) check.Add("Score", "Assessment.ScoreOutOfRange", LowestScore, HighestScore);
        check.MaxLength("Comment", comment, CommentMaxLength);
        if (!check.IsValid) return check.ToError();

        StandingRatingOf(rater, dimension)?.Supersede(now);
        var rating = new Rating(Id, dimension!, score!.Value, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            rater.PersonId!.Value, rater.DisplayName, group, group == StakeholderGroup.Government ? rater.MemberStateCode : null, now);
        ratings.Add(rating);
        return rating;
    }

    /// <summary>The rating that speaks for <paramref name="rater"/> on the dimension now: their State's
    /// (a delegate, whoever of its delegates gave it) or their own; null if none.</summary>
    public Rating? StandingRatingOf(Actor rater, string? dimension)
    {
        var state = rater.ParticipantGroup == StakeholderGroup.Government ? rater.MemberStateCode : null;
        return Ratings.SingleOrDefault(r => r.DimensionCode == dimension && r.SpeaksFor(state, rater.PersonId ?? Guid.Empty));
    }

    /// <summary>The secretariat closes the round: no rating after it. A round whose closing time has
    /// passed is closed too, so the close is on the record.</summary>
    public Result<AssessmentRound> Close(DateTimeOffset now)
    {
        if (ClosedAt is not null) return new AssessmentClosed();
        ClosedAt = now;
        return this;
    }

    private static bool IsCode(string code)
        => code.Length is > 0 and <= CodeMaxLength && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
           && code[0] != '-' && code[^1] != '-';
}

/// <summary>A dimension of a round: a stable code (the trend follows it across rounds), its place, and a
/// name when the secretariat gave one (the default dimensions are named by the UI's resources).</summary>
public sealed class AssessmentDimension
{
    private AssessmentDimension()
    {
        Code = null!;
    }

    internal AssessmentDimension(string code, int position, string? name)
    {
        Code = code;
        Position = position;
        Name = name;
    }

    public string Code { get; private set; }

    public int Position { get; private set; }

    public string? Name { get; private set; }
}
