using Ecp.Common;
using Ecp.Features.Registry;

namespace Ecp.Features.Assessments;

/// <summary>One stakeholder group's ratings of one dimension: how many, how many gave each score
/// (<see cref="Distribution"/>[0] is the number of 1s), and the median (null when nobody rated).</summary>
public sealed record GroupResult(string StakeholderGroup, int Count, IReadOnlyList<int> Distribution, double? Median);

/// <summary>
/// The between-group gap of one dimension: the difference between the highest and the lowest group
/// median, on the 1-5 scale; null unless at least two groups rated. It names the groups at each end,
/// so the disagreement is shown, never averaged away.
/// </summary>
public sealed record BetweenGroupGap(double? Value, IReadOnlyList<string> Highest, IReadOnlyList<string> Lowest);

public sealed record DimensionResult(string Dimension, string? Name, IReadOnlyList<GroupResult> Groups, BetweenGroupGap Gap);

/// <summary>One rating as the results count it: standing ratings only, one per State or person.</summary>
public readonly record struct Score(string Dimension, StakeholderGroup Group, int Value);

/// <summary>A round as the trend orders it.</summary>
public sealed record RoundRef(Guid Id, int Number, string Title, bool IsOpen);

/// <summary>One group's median of one dimension in each round of <see cref="TrendView.Rounds"/> (null where it did not rate).</summary>
public sealed record TrendSeries(string StakeholderGroup, IReadOnlyList<double?> Medians);

public sealed record TrendDimension(string Dimension, string? Name, IReadOnlyList<TrendSeries> Groups);

public sealed record TrendView(IReadOnlyList<RoundRef> Rounds, IReadOnlyList<TrendDimension> Dimensions);

/// <summary>
/// The results of an assessment, computed from the standing ratings alone (no database): per
/// dimension and stakeholder group the count, the distribution of 1-5 and the median; the
/// between-group gap per dimension; the trend of each group's medians across rounds. There is
/// deliberately no figure that mixes the groups into one.
/// </summary>
public static class AssessmentResults
{
    public const string DivergenceName = "between-group-gap";

    public static IReadOnlyList<DimensionResult> Compute(IEnumerable<(string Code, string? Name)> dimensions, IEnumerable<Score> scores)
    {
        var byDimension = scores.ToLookup(s => s.Dimension);
        return dimensions.Select(d =>
        {
            var groups = StakeholderGroups.All.Select(g => ForGroup(g, byDimension[d.Code].Where(s => s.Group == g).Select(s => s.Value))).ToList();
            return new DimensionResult(d.Code, d.Name, groups, Gap(groups));
        }).ToList();
    }

    public static GroupResult ForGroup(StakeholderGroup group, IEnumerable<int> scores)
    {
        var sorted = scores.Order().ToList();
        var distribution = Enumerable.Range(AssessmentRound.LowestScore, AssessmentRound.HighestScore).Select(v => sorted.Count(s => s == v)).ToList();
        return new GroupResult(group.ToCode(), sorted.Count, distribution, Median(sorted));
    }

    /// <summary>The middle score, or the mean of the two middle ones for an even count (so 3.5 is possible).</summary>
    public static double? Median(IReadOnlyList<int> sorted)
    {
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    public static BetweenGroupGap Gap(IReadOnlyList<GroupResult> groups)
    {
        var rated = groups.Where(g => g.Median is not null).ToList();
        if (rated.Count < 2) return new BetweenGroupGap(null, [], []);
        var high = rated.Max(g => g.Median!.Value);
        var low = rated.Min(g => g.Median!.Value);
        return new BetweenGroupGap(high - low,
            rated.Where(g => g.Median == high).Select(g => g.StakeholderGroup).ToList(),
            rated.Where(g => g.Median == low).Select(g => g.StakeholderGroup).ToList());
    }

    /// <summary>Per dimension (in the order they first appear) and group, the median in each round, the rounds in their order.</summary>
    public static TrendView Trend(IReadOnlyList<(RoundRef Round, IReadOnlyList<DimensionResult> Results)> rounds)
    {
        var ordered = rounds.OrderBy(r => r.Round.Number).ToList();
        var dimensions = ordered.SelectMany(r => r.Results).GroupBy(d => d.Dimension).Select(g => (g.Key, g.First().Name)).ToList();
        return new TrendView(ordered.Select(r => r.Round).ToList(), dimensions.Select(d => new TrendDimension(d.Key, d.Name,
            StakeholderGroups.All.Select(group => new TrendSeries(group.ToCode(), ordered.Select(r =>
                r.Results.FirstOrDefault(x => x.Dimension == d.Key)?.Groups.First(x => x.StakeholderGroup == group.ToCode()).Median).ToList())).ToList())).ToList());
    }
}
